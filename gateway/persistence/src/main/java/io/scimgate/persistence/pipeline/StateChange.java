package io.scimgate.persistence.pipeline;

/**
 * The outcome of a write that is allowed only from one state (accepting an invitation, replaying a dead
 * delivery): the row as it is now, and whether this call changed it. {@code current} is {@code null} when the
 * row does not exist.
 */
public record StateChange<T>(T current, boolean applied) {
  static <T> StateChange<T> applied(T current) {
    return new StateChange<>(current, true);
  }

  static <T> StateChange<T> refused(T current) {
    return new StateChange<>(current, false);
  }
}
