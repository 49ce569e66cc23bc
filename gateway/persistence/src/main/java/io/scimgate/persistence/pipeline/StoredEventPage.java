package io.scimgate.persistence.pipeline;

import java.util.List;

/**
 * What one read of a tenant's events found, all from one snapshot: the events in the window scanned, and the bounds
 * the page is judged by.
 *
 * @param afterPosition the position the window starts after (the cursor's, else just before the oldest kept event)
 * @param lastPosition the tenant's last position given (0: none yet)
 * @param oldestPosition the oldest position still kept, or {@code null} when none is
 * @param events the matching events in the window, in position order
 */
public record StoredEventPage(long afterPosition, long lastPosition, Long oldestPosition,
    List<PositionedEvent> events) {}
