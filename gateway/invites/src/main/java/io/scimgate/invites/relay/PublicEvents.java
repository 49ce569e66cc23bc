package io.scimgate.invites.relay;

import static io.scimgate.persistence.events.Channel.EVENTS_API;
import static io.scimgate.persistence.events.Channel.WEBHOOK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.invites.policy.Deprovisioned;
import io.scimgate.persistence.events.EventType;
import io.scimgate.persistence.pipeline.OutboxEvent;
import io.scimgate.scim.json.ScimJson;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Renders stored outbox events into the published events of the catalogue: the one place that decides what a
 * webhook and an events API entry contain. User and group events are published as stored, with the resource's
 * {@code id} and the {@code connectionId}; a membership event becomes one event per member, in the order of its
 * {@code members}; internal and unknown types render to nothing.
 */
public final class PublicEvents {
  private PublicEvents() {}

  public static List<PublicEvent> render(OutboxEvent event) {
    EventType type = EventType.parse(event.type()).orElse(null);
    if (type == EventType.GROUP_MEMBERS_ADDED) {
      return perMember(event, EventType.GROUP_MEMBER_ADDED);
    }
    if (type == EventType.GROUP_MEMBERS_REMOVED) {
      return perMember(event, EventType.GROUP_MEMBER_REMOVED);
    }
    if (type == null || !type.stored() || !(type.publishedTo(WEBHOOK) || type.publishedTo(EVENTS_API))) {
      return List.of();
    }
    ObjectNode body = ((ObjectNode) event.data().deepCopy()).put("id", event.resourceId().toString());
    return List.of(new PublicEvent("webhook:" + event.id(), type, event.createdAt(), withConnection(body, event)));
  }

  /**
   * The webhook the relay sends when a user event deprovisioned a person: the person, and the user whose change
   * left them without an active identity ({@code last}: the batch's last event).
   */
  public static PublicEvent deprovisioned(Deprovisioned gone, OutboxEvent last) {
    return new PublicEvent("webhook:personnel.deprovisioned:" + gone.personId() + ":" + last.id(),
        EventType.PERSONNEL_DEPROVISIONED, last.createdAt(), ScimJson.object()
            .put("personId", gone.personId().toString()).put("userId", gone.userId().toString()));
  }

  private static List<PublicEvent> perMember(OutboxEvent event, EventType type) {
    List<PublicEvent> events = new ArrayList<>();
    for (JsonNode member : event.data().path("members")) {
      ObjectNode body = ScimJson.object().put("groupId", event.resourceId().toString());
      withConnection(body, event).set("member", member);
      events.add(new PublicEvent("webhook:" + event.id() + ":" + member.path("value").asText(), type,
          event.createdAt(), body));
    }
    return events;
  }

  private static ObjectNode withConnection(ObjectNode body, OutboxEvent event) {
    return event.connectionId() == null ? body : body.put("connectionId", event.connectionId().toString());
  }
}
