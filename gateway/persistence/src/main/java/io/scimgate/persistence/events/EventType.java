package io.scimgate.persistence.events;

import static io.scimgate.persistence.events.Channel.EVENTS_API;
import static io.scimgate.persistence.events.Channel.WEBHOOK;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one catalogue of event types: wire name, what produces it, its payload and where it is published. The
 * triggers (SQL) may emit only the types listed here for their function ({@code EventCatalogueTest} reads their
 * source from {@code pg_proc}); application code, the relay, the webhooks and the events API name types only
 * through this enum.
 *
 * <p>Stored types are rows of {@code outbox_events}. A published type reaches tenants; most are stored types
 * published as they are (their payload is the stored {@code data} plus {@code id} and {@code connectionId}), the
 * member types are rendered from a stored membership event, one per member ({@link #renderedFrom()}), and the
 * {@code personnel.*} webhooks come from the relay's own decisions. For an unpublished (internal) type the payload
 * is the stored {@code data}.
 */
public enum EventType {
  USER_CREATED("user.created", Producer.USERS_TRIGGER, null, Payloads.USER, WEBHOOK, EVENTS_API),
  USER_UPDATED("user.updated", Producer.USERS_TRIGGER, null, Payloads.USER, WEBHOOK, EVENTS_API),
  USER_DEACTIVATED("user.deactivated", Producer.USERS_TRIGGER, null, Payloads.USER, WEBHOOK, EVENTS_API),
  USER_REACTIVATED("user.reactivated", Producer.USERS_TRIGGER, null, Payloads.USER, WEBHOOK, EVENTS_API),
  USER_DELETED("user.deleted", Producer.USERS_TRIGGER, null, Payloads.USER, WEBHOOK, EVENTS_API),
  GROUP_CREATED("group.created", Producer.GROUPS_TRIGGER, null, Payloads.GROUP, WEBHOOK, EVENTS_API),
  /** The display name changed (by the IdP, or by a change of the connection's group prefix). */
  GROUP_RENAMED("group.renamed", Producer.GROUPS_TRIGGER, null, Payloads.GROUP_RENAMED, WEBHOOK, EVENTS_API),
  GROUP_UPDATED("group.updated", Producer.GROUPS_TRIGGER, null, Payloads.GROUP, WEBHOOK, EVENTS_API),
  GROUP_DELETED("group.deleted", Producer.GROUPS_TRIGGER, null, Payloads.GROUP, WEBHOOK, EVENTS_API),
  /** Stored: one event per group and statement, whatever the number of members. */
  GROUP_MEMBERS_ADDED("group.members_added", Producer.MEMBERS_TRIGGER, null, Payloads.MEMBERS),
  GROUP_MEMBERS_REMOVED("group.members_removed", Producer.MEMBERS_TRIGGER, null, Payloads.MEMBERS),
  GROUP_MEMBER_ADDED("group.member_added", Producer.RELAY_PER_MEMBER, GROUP_MEMBERS_ADDED, Payloads.MEMBER,
      WEBHOOK, EVENTS_API),
  GROUP_MEMBER_REMOVED("group.member_removed", Producer.RELAY_PER_MEMBER, GROUP_MEMBERS_REMOVED, Payloads.MEMBER,
      WEBHOOK, EVENTS_API),
  /** The relay backfills invitations from it. */
  INVITES_SETTINGS_CHANGED("invites.settings_changed", Producer.AUTO_INVITE_SETTINGS, null, Payloads.SETTINGS),
  /** Stands in for the product's sign-up; nothing consumes it yet. */
  PERSONNEL_ACCEPTED("personnel.accepted", Producer.INVITATION_ACCEPTANCE, null, Payloads.PERSON),
  PERSONNEL_DEPROVISIONED("personnel.deprovisioned", Producer.INVITE_POLICY, null, Payloads.DEPROVISIONED, WEBHOOK),
  PERSONNEL_INVITED("personnel.invited", Producer.INVITATIONS, null, Payloads.INVITED, WEBHOOK);

  private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

  private final String wireName;
  private final Producer producer;
  private final EventType renderedFrom;
  private final List<String> payload;
  private final Set<Channel> channels;

  EventType(String wireName, Producer producer, EventType renderedFrom, List<String> payload, Channel... channels) {
    this.wireName = wireName;
    this.producer = producer;
    this.renderedFrom = renderedFrom;
    this.payload = payload;
    this.channels = channels.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(channels[0], channels));
  }

  public static Optional<EventType> parse(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }

  /** The types the events API serves, in catalogue order. */
  public static List<EventType> servedByEventsApi() {
    return Arrays.stream(values()).filter(type -> type.publishedTo(EVENTS_API)).toList();
  }

  public String wireName() {
    return wireName;
  }

  public Producer producer() {
    return producer;
  }

  /** The field names of the payload ({@code data}): published, or stored for an internal type. */
  public List<String> payload() {
    return payload;
  }

  public boolean publishedTo(Channel channel) {
    return channels.contains(channel);
  }

  public boolean stored() {
    return producer.writesOutbox();
  }

  /** The stored type a per-member type is rendered from, or {@code null}. */
  public EventType renderedFrom() {
    return renderedFrom;
  }

  /** The stored type whose rows this type comes from: itself, the one it is rendered from, or {@code null}. */
  public EventType storedAs() {
    return renderedFrom != null ? renderedFrom : stored() ? this : null;
  }

  @Override
  public String toString() {
    return wireName;
  }

  /** Payload field lists (a holder: enum constants cannot name the enum's own static fields). */
  private static final class Payloads {
    static final List<String> USER = List.of("id", "connectionId", "userName", "externalId", "displayName",
        "active", "email");
    static final List<String> GROUP = List.of("id", "connectionId", "displayName", "productName", "externalId");
    static final List<String> GROUP_RENAMED = List.of("id", "connectionId", "displayName", "productName",
        "externalId", "oldDisplayName", "oldProductName");
    static final List<String> MEMBERS = List.of("members");
    static final List<String> MEMBER = List.of("groupId", "connectionId", "member");
    static final List<String> SETTINGS = List.of("enabled", "groupIds", "addedGroupIds", "turnedOn");
    static final List<String> PERSON = List.of("personId");
    static final List<String> DEPROVISIONED = List.of("personId", "userId");
    static final List<String> INVITED = List.of("personId", "email", "displayName", "userName");
  }
}
