package io.scimgate.persistence.events;

/**
 * What writes an event type: a trigger function (in the transaction of the SCIM change), application code (in the
 * transaction of an admin change), or the relay (derived while it processes stored events).
 */
public enum Producer {
  USERS_TRIGGER("trigger function scimgate_user_event on scim_users", "scimgate_user_event"),
  GROUPS_TRIGGER("trigger function scimgate_group_event on scim_groups", "scimgate_group_event"),
  MEMBERS_TRIGGER("trigger function scimgate_members_event on scim_group_members (one event per group and"
      + " statement)", "scimgate_members_event"),
  AUTO_INVITE_SETTINGS("AutoInviteRepository.replace (admin API PUT /tenants/{id}/auto-invites)", null),
  INVITATION_ACCEPTANCE("PersonnelRepository.accept (admin API POST /tenants/{id}/personnel/{userId}/accept)", null),
  /** The relay renders a stored event into one published event per member. */
  RELAY_PER_MEMBER("the relay, one per member of a stored group.members_added/removed", null),
  INVITE_POLICY("the relay's invite policy, when a user event deprovisions a person", null),
  INVITATIONS("the relay's invitation statement, once per person and invite round", null);

  private final String description;
  private final String triggerFunction;

  Producer(String description, String triggerFunction) {
    this.description = description;
    this.triggerFunction = triggerFunction;
  }

  public String description() {
    return description;
  }

  /** The PostgreSQL function that writes the event, or {@code null} when it is not a trigger. */
  public String triggerFunction() {
    return triggerFunction;
  }

  /** Whether its events are rows of {@code outbox_events} (else they exist only as what the relay delivers). */
  public boolean writesOutbox() {
    return triggerFunction != null || this == AUTO_INVITE_SETTINGS || this == INVITATION_ACCEPTANCE;
  }
}
