-- The admin portal's sign-in: single-use links an operator hands to a company admin, and the browser sessions
-- they turn into. Only SHA-256 hashes of codes and session ids are stored: a copy of the database opens nothing.

CREATE TABLE portal_links (
  code_hash   text        PRIMARY KEY,
  tenant_id   uuid        NOT NULL REFERENCES tenants (id),
  screen      text        NOT NULL,
  -- who the session will act as in the audit log (the product may name its user; else "company-admin")
  subject     text        NOT NULL,
  created_by  text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX portal_links_expires ON portal_links (expires_at);

-- tenant_id NULL is an operator's session. Every admin request reads its row, so revoking (revoked_at) takes
-- effect on every node at the next request.
CREATE TABLE portal_sessions (
  id_hash       text        PRIMARY KEY,
  tenant_id     uuid        REFERENCES tenants (id),
  subject       text        NOT NULL,
  screen        text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz
);
CREATE INDEX portal_sessions_tenant ON portal_sessions (tenant_id) WHERE revoked_at IS NULL;
CREATE INDEX portal_sessions_expires ON portal_sessions (expires_at);
