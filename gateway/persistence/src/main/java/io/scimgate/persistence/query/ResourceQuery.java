package io.scimgate.persistence.query;

import io.scimgate.scim.filter.Filter;

/**
 * What a list of users or groups asks for, as values: the repositories turn it into SQL (see
 * {@link ListStatements}), so callers never see a placeholder.
 *
 * @param filter          the parsed SCIM filter, or {@code null} for every resource of the connection
 * @param sortBy          the attribute to sort by, or {@code null} for the stable default order (created, then id)
 * @param descending      whether {@code sortBy} sorts descending
 * @param after           for cursor paging, the position of the last resource of the previous page; else
 *                        {@code null}
 * @param offset          resources to skip (index paging; 0 after a position)
 * @param limit           at most this many resources
 * @param withMemberships whether each resource comes with its memberships: a user's groups, a group's members
 */
public record ResourceQuery(Filter filter, String sortBy, boolean descending, KeysetPosition after, int offset,
    int limit, boolean withMemberships) {
  public ResourceQuery {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
    if (after != null && (offset != 0 || sortBy != null)) {
      // a position is a place in the default order: skipping or sorting on top of it has no meaning
      throw new IllegalArgumentException("A keyset position pages the default order, without an offset");
    }
  }
}
