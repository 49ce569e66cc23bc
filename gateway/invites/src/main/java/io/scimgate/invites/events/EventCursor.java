package io.scimgate.invites.events;

/**
 * A place in a tenant's events: after the event at {@code position} (its relay position), or, inside a membership
 * event that renders to one published event per member, after its {@code member}-th published event (from 0).
 */
public record EventCursor(long position, int member) {
  /** {@link #member} of a cursor after the whole event. */
  public static final int WHOLE = -1;

  public EventCursor {
    if (position < 0 || member < WHOLE) {
      throw new IllegalArgumentException("not a cursor: " + position + "/" + member);
    }
  }

  public static EventCursor after(long position) {
    return new EventCursor(position, WHOLE);
  }

  /** The last position whose events are all behind the cursor. */
  long completedPosition() {
    return member == WHOLE ? position : position - 1;
  }

  /** How many published events of the event at {@code position} are behind the cursor (0: none). */
  int seenOf(long eventPosition) {
    return member == WHOLE || eventPosition != position ? 0 : member + 1;
  }
}
