-- Tenants, their SCIM connections, SCIM resources, group membership and the audit log.

CREATE TABLE tenants (
  id            uuid PRIMARY KEY,
  name          text        NOT NULL,
  scim_enabled  boolean     NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- A connection's bearer token is a JWT signed by the gateway; nothing of the token is stored but its
-- generation (which rotation revokes) and a SHA-256 fingerprint to tell tokens apart in support cases.
CREATE TABLE connections (
  id                          uuid PRIMARY KEY,
  tenant_id                   uuid        NOT NULL REFERENCES tenants (id),
  vendor                      text        NOT NULL,
  name                        text        NOT NULL,
  group_prefix                text        NOT NULL,
  status                      text        NOT NULL CHECK (status IN ('enabled', 'disabled', 'deleted')),
  token_generation            integer     NOT NULL,
  token_fingerprint           text        NOT NULL,
  previous_token_generation   integer,
  previous_token_valid_until  timestamptz,
  created_at                  timestamptz NOT NULL DEFAULT now(),
  updated_at                  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connections_tenant ON connections (tenant_id, created_at, id);

CREATE TABLE scim_users (
  id             uuid PRIMARY KEY,
  tenant_id      uuid        NOT NULL REFERENCES tenants (id),
  connection_id  uuid        NOT NULL REFERENCES connections (id),
  user_name      text        NOT NULL,
  external_id    text,
  display_name   text,
  active         boolean     NOT NULL,
  -- lower-cased emails[].value, for case-insensitive `emails.value eq` lookups
  emails_folded  text[]      NOT NULL DEFAULT '{}',
  doc            jsonb       NOT NULL,
  version        bigint      NOT NULL,
  created_at     timestamptz NOT NULL,
  modified_at    timestamptz NOT NULL
);
-- userName is caseExact=false (RFC 7643 §4.1.1) and unique per connection.
CREATE UNIQUE INDEX scim_users_user_name ON scim_users (connection_id, lower(user_name));
CREATE INDEX scim_users_external_id ON scim_users (connection_id, external_id);
CREATE INDEX scim_users_display_name ON scim_users (connection_id, lower(display_name));
CREATE INDEX scim_users_emails ON scim_users USING gin (emails_folded);
CREATE INDEX scim_users_page ON scim_users (connection_id, created_at, id);

CREATE TABLE scim_groups (
  id             uuid PRIMARY KEY,
  tenant_id      uuid        NOT NULL REFERENCES tenants (id),
  connection_id  uuid        NOT NULL REFERENCES connections (id),
  -- the IdP's own name, returned in SCIM responses (Okta compares it with what it pushed)
  display_name   text        NOT NULL,
  -- the name the product shows: the connection's vendor prefix + display_name
  product_name   text        NOT NULL,
  external_id    text,
  doc            jsonb       NOT NULL,
  version        bigint      NOT NULL,
  created_at     timestamptz NOT NULL,
  modified_at    timestamptz NOT NULL
);
CREATE INDEX scim_groups_display_name ON scim_groups (connection_id, lower(display_name));
CREATE INDEX scim_groups_external_id ON scim_groups (connection_id, external_id);
CREATE INDEX scim_groups_page ON scim_groups (connection_id, created_at, id);
CREATE INDEX scim_groups_tenant ON scim_groups (tenant_id, product_name);

-- One row per (group, member): adding a member to a huge group touches one row.
CREATE TABLE scim_group_members (
  group_id     uuid        NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
  member_id    uuid        NOT NULL,
  member_type  text        NOT NULL CHECK (member_type IN ('User', 'Group')),
  added_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, member_id)
);
CREATE INDEX scim_group_members_member ON scim_group_members (member_id);

CREATE TABLE audit_log (
  id             bigserial PRIMARY KEY,
  tenant_id      uuid        NOT NULL REFERENCES tenants (id),
  connection_id  uuid,
  actor          text        NOT NULL,
  action         text        NOT NULL,
  resource_type  text        NOT NULL,
  resource_id    text,
  request_id     text,
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_tenant ON audit_log (tenant_id, id DESC);
