package io.scimgate.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.app.auth.AdminAuthHandler;
import io.scimgate.app.http.RequestIds;
import io.scimgate.connectors.api.ScimException;
import io.scimgate.persistence.Page;
import io.scimgate.persistence.audit.AuditContext;
import io.scimgate.persistence.pipeline.AutoInviteSettings;
import io.scimgate.persistence.pipeline.DeliveryRecord;
import io.scimgate.persistence.pipeline.InviteProgress;
import io.scimgate.persistence.pipeline.Person;
import io.scimgate.persistence.pipeline.PersonnelHistoryEntry;
import io.scimgate.persistence.pipeline.PersonnelPage;
import io.scimgate.persistence.pipeline.WebhookEndpoint;
import io.scimgate.scim.json.ScimJson;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The invite admin API's JSON shapes (auto-invites, personnel, webhook, deliveries) and shared helpers. */
final class InviteJson {
  private InviteJson() {}

  static ObjectNode autoInvites(AutoInviteSettings settings, InviteProgress progress) {
    ObjectNode json = ScimJson.object().put("enabled", settings.enabled());
    ArrayNode groups = json.putArray("groups");
    settings.groups().forEach(group -> groups.addObject().put("id", group.id().toString())
        .put("name", group.name()).put("displayName", group.displayName()));
    json.putObject("progress").put("toInvite", progress.toInvite()).put("toSend", progress.toSend())
        .put("failed", progress.failed());
    return json;
  }

  /** The person with the SCIM users that are them ({@code identities}, oldest first). */
  static ObjectNode person(Person person) {
    ObjectNode json = ScimJson.object().put("id", person.id().toString()).put("userName", person.userName())
        .put("displayName", person.displayName()).put("email", person.email())
        .put("status", person.status().dbValue()).put("invitedAt", text(person.invitedAt()))
        .put("acceptedAt", text(person.acceptedAt())).put("deprovisionedAt", text(person.deprovisionedAt()))
        .put("createdAt", text(person.createdAt())).put("updatedAt", text(person.updatedAt()));
    ArrayNode identities = json.putArray("identities");
    person.identities().forEach(identity -> identities.addObject().put("userId", identity.userId().toString())
        .put("connectionId", identity.connectionId().toString()).put("userName", identity.userName())
        .put("email", identity.email()).put("active", identity.active())
        .put("deletedAt", text(identity.deletedAt())));
    return json;
  }

  static ObjectNode personWithHistory(Person person, List<PersonnelHistoryEntry> history) {
    ObjectNode json = person(person);
    ArrayNode entries = json.putArray("history");
    history.forEach(entry -> entries.addObject().put("at", text(entry.at())).put("status", entry.status())
        .put("reason", entry.reason()));
    return json;
  }

  /** Never the secret, not even sealed. */
  static ObjectNode webhook(WebhookEndpoint endpoint) {
    return ScimJson.object().put("url", endpoint.url()).put("enabled", endpoint.enabled())
        .put("updatedAt", text(endpoint.updatedAt()));
  }

  static ObjectNode delivery(DeliveryRecord delivery) {
    return ScimJson.object().put("id", delivery.id()).put("channel", delivery.channel())
        .put("eventType", delivery.eventType()).put("recipient", delivery.recipient())
        .put("status", delivery.status().dbValue()).put("attempts", delivery.attempts())
        .put("lastError", delivery.lastError()).put("createdAt", text(delivery.createdAt()))
        .put("nextAttemptAt", text(delivery.nextAttemptAt())).put("sentAt", text(delivery.sentAt()));
  }

  /** {@code {"total": n, "items": [...], "nextAfter": cursor or null on the last page}}. */
  static ObjectNode personnelPage(PersonnelPage page) {
    return AdminJson.items(page.items(), InviteJson::person).put("total", page.total())
        .put("nextAfter", page.next() == null ? null : PersonnelCursors.encode(page.next()));
  }

  /** {@code {"total": n, "items": [...]}}. */
  static <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> render) {
    return AdminJson.items(page.items(), render).put("total", page.total());
  }

  /** An optional UUID query parameter; anything else is a 400 naming the parameter. */
  static UUID uuidQuery(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw ScimException.invalidValue("Query parameter '" + name + "' must be an id (UUID), was '" + value + "'");
    }
  }

  /** An optional boolean field; {@code fallback} when absent or null. */
  static boolean optionalBoolean(JsonNode body, String field, boolean fallback) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw ScimException.invalidValue("'" + field + "' must be true or false");
    }
    return value.asBoolean();
  }

  /** Who writes, for the audit row of a tenant-level admin write. */
  static AuditContext audit(RoutingContext ctx, UUID tenantId) {
    return new AuditContext(tenantId, null, AdminAuthHandler.actor(ctx), RequestIds.of(ctx));
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
