package io.scimgate.persistence.pipeline;

import java.util.List;

/**
 * One page of personnel, the number of people matching the filter, and where the next page starts.
 *
 * @param next the position to continue after, or {@code null} when this is the last page
 */
public record PersonnelPage(List<Person> items, long total, PersonnelCursor next) {
  public PersonnelPage {
    items = List.copyOf(items);
  }
}
