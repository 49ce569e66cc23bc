package io.scimgate.invites.events;

import io.scimgate.persistence.events.EventType;
import java.util.Set;
import java.util.UUID;

/**
 * One page request of the events API.
 *
 * @param after where the previous page ended; {@code null}: from the oldest event still kept
 * @param types published types to return, all of them served by the events API; empty: every such type
 * @param connectionId only this connection's events, or {@code null}
 * @param limit at most this many events
 */
public record EventQuery(EventCursor after, Set<EventType> types, UUID connectionId, int limit) {
  public EventQuery {
    types = Set.copyOf(types);
  }
}
