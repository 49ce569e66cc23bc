-- The invite pipeline: a transactional outbox fed by triggers, personnel, auto-invite settings, invitations,
-- deliveries (e-mail, webhooks) and webhook endpoints.

-- Every SCIM change that matters, written by the triggers below in the transaction of the change itself: no
-- event without its change, no change without its event, whatever code path wrote it (SCIM, Bulk, admin).
CREATE TABLE outbox_events (
  id             bigserial   PRIMARY KEY,
  tenant_id      uuid        NOT NULL,
  connection_id  uuid,
  type           text        NOT NULL,
  resource_id    uuid,
  data           jsonb       NOT NULL DEFAULT '{}'::jsonb,
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  processed_at   timestamptz
);
CREATE INDEX outbox_events_pending ON outbox_events (tenant_id, id) WHERE processed_at IS NULL;
CREATE INDEX outbox_events_processed ON outbox_events (processed_at) WHERE processed_at IS NOT NULL;

CREATE FUNCTION scimgate_user_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text;
  source     scim_users;
BEGIN
  IF TG_OP = 'INSERT' THEN
    event_type := 'user.created';
    source := NEW;
  ELSIF TG_OP = 'DELETE' THEN
    event_type := 'user.deleted';
    source := OLD;
  ELSIF OLD.active AND NOT NEW.active THEN
    event_type := 'user.deactivated';
    source := NEW;
  ELSIF NOT OLD.active AND NEW.active THEN
    event_type := 'user.reactivated';
    source := NEW;
  ELSIF NEW.doc IS DISTINCT FROM OLD.doc THEN
    event_type := 'user.updated';
    source := NEW;
  ELSE
    RETURN NULL; -- a write that changed nothing (an IdP re-sending the same values) is not an event
  END IF;
  INSERT INTO outbox_events (tenant_id, connection_id, type, resource_id, data)
  VALUES (source.tenant_id, source.connection_id, event_type, source.id, jsonb_build_object(
    'userName', source.user_name, 'externalId', source.external_id, 'displayName', source.display_name,
    'active', source.active, 'email', (
      SELECT e->>'value' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(source.doc->'emails') = 'array'
        THEN source.doc->'emails' ELSE '[]'::jsonb END) e
      ORDER BY (e->>'primary') = 'true' DESC, (e->>'type') = 'work' DESC LIMIT 1)));
  RETURN NULL;
END $$;

CREATE TRIGGER scim_users_outbox AFTER INSERT OR UPDATE OR DELETE ON scim_users
  FOR EACH ROW EXECUTE FUNCTION scimgate_user_event();

CREATE FUNCTION scimgate_group_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text;
  source     scim_groups;
BEGIN
  IF TG_OP = 'INSERT' THEN
    event_type := 'group.created';
    source := NEW;
  ELSIF TG_OP = 'DELETE' THEN
    event_type := 'group.deleted';
    source := OLD;
  ELSIF NEW.display_name IS DISTINCT FROM OLD.display_name THEN
    event_type := 'group.renamed';
    source := NEW;
  ELSIF NEW.doc IS DISTINCT FROM OLD.doc THEN
    event_type := 'group.updated';
    source := NEW;
  ELSE
    RETURN NULL; -- a version bump of a membership change: the membership trigger reports it
  END IF;
  INSERT INTO outbox_events (tenant_id, connection_id, type, resource_id, data)
  VALUES (source.tenant_id, source.connection_id, event_type, source.id, jsonb_build_object(
    'displayName', source.display_name, 'productName', source.product_name, 'externalId', source.external_id));
  RETURN NULL;
END $$;

CREATE TRIGGER scim_groups_outbox AFTER INSERT OR UPDATE OR DELETE ON scim_groups
  FOR EACH ROW EXECUTE FUNCTION scimgate_group_event();

-- Membership changes, one event per group and statement (a PATCH adding 100 members is one event). Rows of a
-- group deleted in the same statement (ON DELETE CASCADE) find no group: group.deleted says it all.
CREATE FUNCTION scimgate_members_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO outbox_events (tenant_id, connection_id, type, resource_id, data)
    SELECT g.tenant_id, g.connection_id, 'group.members_added', g.id,
           jsonb_build_object('members', jsonb_agg(jsonb_build_object('value', c.member_id, 'type', c.member_type)))
    FROM changed_rows c JOIN scim_groups g ON g.id = c.group_id
    GROUP BY g.tenant_id, g.connection_id, g.id;
  ELSE
    INSERT INTO outbox_events (tenant_id, connection_id, type, resource_id, data)
    SELECT g.tenant_id, g.connection_id, 'group.members_removed', g.id,
           jsonb_build_object('members', jsonb_agg(jsonb_build_object('value', c.member_id, 'type', c.member_type)))
    FROM changed_rows c JOIN scim_groups g ON g.id = c.group_id
    GROUP BY g.tenant_id, g.connection_id, g.id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER scim_group_members_added AFTER INSERT ON scim_group_members
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scimgate_members_event();
CREATE TRIGGER scim_group_members_removed AFTER DELETE ON scim_group_members
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION scimgate_members_event();

-- Wakes the relays of every node when a transaction that wrote events commits (NOTIFY is transactional and
-- de-duplicated within a transaction).
CREATE FUNCTION scimgate_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('scimgate_outbox', '');
  RETURN NULL;
END $$;

CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
  FOR EACH STATEMENT EXECUTE FUNCTION scimgate_outbox_notify();

-- The tenant's people as the product sees them, fed by SCIM users (kept after the user is deleted).
CREATE TABLE personnel (
  user_id           uuid        PRIMARY KEY,
  tenant_id         uuid        NOT NULL REFERENCES tenants (id),
  connection_id     uuid        NOT NULL,
  user_name         text        NOT NULL,
  display_name      text,
  email             text,
  status            text        NOT NULL CHECK (status IN ('imported', 'invited', 'active', 'deprovisioned')),
  scim_active       boolean     NOT NULL,
  -- bumped when a deprovisioned person who never accepted comes back: the next invitation is a new one
  invite_round      integer     NOT NULL DEFAULT 1,
  invited_at        timestamptz,
  accepted_at       timestamptz,
  deprovisioned_at  timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personnel_tenant ON personnel (tenant_id, created_at, user_id);
CREATE INDEX personnel_tenant_status ON personnel (tenant_id, status, created_at, user_id);

CREATE TABLE personnel_history (
  id         bigserial   PRIMARY KEY,
  user_id    uuid        NOT NULL REFERENCES personnel (user_id) ON DELETE CASCADE,
  tenant_id  uuid        NOT NULL,
  at         timestamptz NOT NULL DEFAULT now(),
  status     text        NOT NULL,
  reason     text        NOT NULL
);
CREATE INDEX personnel_history_user ON personnel_history (user_id, id);

CREATE TABLE auto_invite_settings (
  tenant_id   uuid        PRIMARY KEY REFERENCES tenants (id),
  enabled     boolean     NOT NULL DEFAULT false,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE auto_invite_groups (
  tenant_id  uuid NOT NULL REFERENCES tenants (id),
  group_id   uuid NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
  PRIMARY KEY (tenant_id, group_id)
);
CREATE INDEX auto_invite_groups_group ON auto_invite_groups (group_id);

-- One invitation per person and round, whatever node or retry decides it: the primary key is the guarantee.
CREATE TABLE invitations (
  user_id     uuid        NOT NULL REFERENCES personnel (user_id) ON DELETE CASCADE,
  round       integer     NOT NULL,
  tenant_id   uuid        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, round)
);

-- Per tenant, where webhooks go; the signing secret is stored encrypted (AES-GCM, key from the gateway secret).
CREATE TABLE webhook_endpoints (
  tenant_id         uuid        PRIMARY KEY REFERENCES tenants (id),
  url               text        NOT NULL,
  secret_encrypted  text        NOT NULL,
  enabled           boolean     NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);

-- What the channels must deliver; the id is stable across retries and replays (the receiver's dedup key).
CREATE TABLE deliveries (
  id               text        PRIMARY KEY,
  tenant_id        uuid        NOT NULL,
  channel          text        NOT NULL,
  event_type       text        NOT NULL,
  data             jsonb       NOT NULL,
  recipient        text,
  status           text        NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  lease_until      timestamptz,
  last_error       text,
  occurred_at      timestamptz NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX deliveries_tenant ON deliveries (tenant_id, status, created_at);
