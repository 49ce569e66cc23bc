package io.scimgate.invites.events;

import io.scimgate.invites.relay.PublicEvent;
import java.util.List;

/** What the events feed answers to a page request. */
public sealed interface FeedAnswer {

  /** An event and the cursor just after it. */
  record FeedEvent(PublicEvent event, EventCursor cursor) {}

  /**
   * Events in order. {@code next} is where the scan stopped: after the last event returned, or further when the
   * events after it did not match the filters; {@code hasMore}: positions beyond {@code next} exist now.
   */
  record Page(List<FeedEvent> events, EventCursor next, boolean hasMore) implements FeedAnswer {}

  /** The cursor is older than the oldest event still kept: events after it were pruned (retention). */
  record Pruned(EventCursor after, Long oldestPosition) implements FeedAnswer {}

  /** The cursor is beyond the tenant's last event: not one this tenant's feed gave. */
  record Ahead(EventCursor after, long lastPosition) implements FeedAnswer {}
}
