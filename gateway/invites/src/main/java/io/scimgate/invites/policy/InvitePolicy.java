package io.scimgate.invites.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.persistence.events.EventType;
import io.scimgate.persistence.pipeline.Invitations;
import io.scimgate.persistence.pipeline.OutboxEvent;
import io.scimgate.persistence.pipeline.PersonnelUpdates;
import io.scimgate.persistence.pipeline.PersonnelUpdates.StatusChange;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What each outbox event means for personnel and invitations. Runs inside the relay's transaction, so an
 * event's effects commit together with its being marked processed:
 * <ul>
 *   <li>user events keep the person in step; {@code active=false} and DELETE deprovision, {@code active=true}
 *   brings them back; a person who is (again) {@code imported} is a candidate for an invitation;</li>
 *   <li>members added to a group are candidates (the policy checks the group is selected);</li>
 *   <li>selecting groups or turning the toggle on makes the members of the selected groups candidates
 *   (backfill); unselecting and turning off stop future invitations only.</li>
 * </ul>
 */
public final class InvitePolicy {
  private InvitePolicy() {}

  /**
   * Applies one event; completes with the person it deprovisioned (for the webhook), or {@code null}. With the
   * tenant's auto-invites off ({@code invitesOn} false), nobody is invited, so no invite statement is sent. Statements
   * are sent without waiting for each other's results (the relay pipelines a whole batch); the invite statement
   * checks eligibility itself, so it can follow the personnel update blindly.
   */
  public static Future<Deprovisioned> apply(SqlConnection conn, OutboxEvent event, boolean invitesOn) {
    EventType type = EventType.parse(event.type()).orElse(null);
    if (type == null) {
      return Future.succeededFuture(null); // a type this node does not know: nothing to apply
    }
    return switch (type) {
      case USER_CREATED, USER_UPDATED, USER_DEACTIVATED, USER_REACTIVATED -> userChanged(conn, event, invitesOn);
      case USER_DELETED -> PersonnelUpdates.deprovision(conn, event).map(change -> deprovisioned(change, event));
      case GROUP_MEMBERS_ADDED -> !invitesOn ? Future.succeededFuture(null) : Invitations.inviteUsers(conn,
          event.tenantId(), userMembers(event.data()), "added to a selected group", event.createdAt())
          .map(invited -> null);
      case INVITES_SETTINGS_CHANGED -> backfill(conn, event).map(invited -> null);
      default -> Future.succeededFuture(null);
    };
  }

  private static Future<Deprovisioned> userChanged(SqlConnection conn, OutboxEvent event, boolean invitesOn) {
    Future<StatusChange> change = PersonnelUpdates.upsert(conn, event);
    Future<Long> invited = !invitesOn ? Future.succeededFuture(0L) : Invitations.inviteUsers(conn, event.tenantId(),
        List.of(event.resourceId()), "member of a selected group", event.createdAt());
    return Future.all(change, invited).map(done -> deprovisioned(change.result(), event));
  }

  private static Deprovisioned deprovisioned(StatusChange change, OutboxEvent event) {
    return change.becameDeprovisioned() ? new Deprovisioned(change.personId(), event.resourceId()) : null;
  }

  /** Turning the toggle on invites the members of every selected group; selecting groups, theirs. */
  private static Future<Long> backfill(SqlConnection conn, OutboxEvent event) {
    JsonNode data = event.data();
    if (!data.path("enabled").asBoolean(false)) {
      return Future.succeededFuture(0L);
    }
    List<UUID> groups = ids(data.path(data.path("turnedOn").asBoolean(false) ? "groupIds" : "addedGroupIds"));
    if (groups.isEmpty()) {
      return Future.succeededFuture(0L);
    }
    return Invitations.inviteMembers(conn, event.tenantId(), groups, "member of a newly selected group",
        event.createdAt());
  }

  private static List<UUID> userMembers(JsonNode data) {
    List<UUID> users = new ArrayList<>();
    for (JsonNode member : data.path("members")) {
      if ("User".equals(member.path("type").asText())) {
        users.add(UUID.fromString(member.path("value").asText()));
      }
    }
    return users;
  }

  private static List<UUID> ids(JsonNode array) {
    List<UUID> ids = new ArrayList<>();
    array.forEach(id -> ids.add(UUID.fromString(id.asText())));
    return ids;
  }
}
