package io.scimgate.scim.patch;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a PATCH does to a group's membership, folded over its operations in order, so that the store writes
 * only the net difference: O(changed members), whatever the group's size.
 *
 * <p>{@code replaceAll}: the member set becomes exactly {@code added}; otherwise {@code added} are inserted and
 * {@code removed} deleted. Mutable while the engine runs, read-only afterwards.
 */
public final class MemberChanges {
  private boolean replaceAll;
  private final Set<String> added = new LinkedHashSet<>();
  private final Set<String> removed = new LinkedHashSet<>();

  void add(String id) {
    removed.remove(id);
    added.add(id);
  }

  void remove(String id) {
    added.remove(id);
    if (!replaceAll) {
      removed.add(id);
    }
  }

  void replaceWith(Set<String> ids) {
    replaceAll = true;
    removed.clear();
    added.clear();
    added.addAll(ids);
  }

  void clear() {
    replaceWith(Set.of());
  }

  public boolean replaceAll() {
    return replaceAll;
  }

  public Set<String> added() {
    return Set.copyOf(added);
  }

  public Set<String> removed() {
    return Set.copyOf(removed);
  }

  public boolean isEmpty() {
    return !replaceAll && added.isEmpty() && removed.isEmpty();
  }
}
