package io.scimgate.invites.events;

import io.scimgate.invites.events.FeedAnswer.FeedEvent;
import io.scimgate.invites.events.FeedAnswer.Page;
import io.scimgate.invites.relay.PublicEvent;
import io.scimgate.invites.relay.PublicEvents;
import io.scimgate.persistence.events.EventType;
import io.scimgate.persistence.pipeline.EventFeedPages;
import io.scimgate.persistence.pipeline.PositionedEvent;
import io.scimgate.persistence.pipeline.StoredEventPage;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Reads a tenant's events in position order (the order the relay applied them; see V012), rendered as its
 * webhooks are ({@link PublicEvents}). Positions are gap-free and become visible in order, so a page that starts
 * after a cursor never skips or repeats an event, whichever node serves it.
 *
 * <p>One statement ({@link EventFeedPages}), hence one snapshot, reads the page and the bounds it is judged by (the
 * tenant's last position, its oldest kept one). A page scans at most {@code scanWindow} positions: with filters that match
 * rarely, it may return fewer events than asked, or none, with a cursor further on and {@code hasMore}, so every
 * request costs a bounded amount and paging still reaches the end.
 */
public final class EventFeed {
  /** Positions one page may scan: a few milliseconds of index range and rows. */
  public static final int SCAN_WINDOW = 5000;

  private final Pool pool;
  private final int scanWindow;

  public EventFeed(Pool pool) {
    this(pool, SCAN_WINDOW);
  }

  /** A feed whose pages scan at most {@code scanWindow} positions (tests use small windows). */
  public EventFeed(Pool pool, int scanWindow) {
    this.pool = pool;
    this.scanWindow = scanWindow;
  }

  public Future<FeedAnswer> page(UUID tenantId, EventQuery query) {
    Long after = query.after() == null ? null : query.after().completedPosition();
    return EventFeedPages.read(pool, tenantId, after, scanWindow, storedTypes(query.types()), query.connectionId(),
        query.limit()).map(stored -> answer(stored, query));
  }

  private FeedAnswer answer(StoredEventPage stored, EventQuery query) {
    long start = stored.afterPosition();
    long last = stored.lastPosition();
    Long oldest = stored.oldestPosition();
    EventCursor after = query.after();
    if (after != null && after.position() > last) {
      return new FeedAnswer.Ahead(after, last);
    }
    if (after != null && (oldest == null ? start < last : start < oldest - 1)) {
      return new FeedAnswer.Pruned(after, oldest);
    }
    return page(stored.events(), query, start, last);
  }

  private Page page(List<PositionedEvent> stored, EventQuery query, long start, long last) {
    List<FeedEvent> events = new ArrayList<>();
    EventCursor next = query.after() != null ? query.after() : EventCursor.after(start);
    int fetched = 0;
    for (PositionedEvent event : stored) {
      fetched++;
      long position = event.position();
      List<PublicEvent> rendered = PublicEvents.render(event.event());
      int from = query.after() == null ? 0 : query.after().seenOf(position);
      for (int i = from; i < rendered.size(); i++) {
        if (events.size() == query.limit()) {
          return new Page(events, next, true);
        }
        next = i == rendered.size() - 1 ? EventCursor.after(position) : new EventCursor(position, i);
        if (query.types().isEmpty() || query.types().contains(rendered.get(i).type())) {
          events.add(new FeedEvent(rendered.get(i), next));
        }
      }
      next = EventCursor.after(position);
    }
    long scannedThrough = fetched == query.limit() ? next.position() : Math.min(start + scanWindow, last);
    if (scannedThrough > next.completedPosition()) {
      next = EventCursor.after(scannedThrough);
    }
    return new Page(events, next, next.completedPosition() < last);
  }

  /** The stored types the requested published types come from (all the API serves when none are requested). */
  private static String[] storedTypes(Collection<EventType> types) {
    Collection<EventType> wanted = types.isEmpty() ? EventType.servedByEventsApi() : types;
    return wanted.stream().map(EventType::storedAs).map(EventType::wireName).distinct().toArray(String[]::new);
  }
}
