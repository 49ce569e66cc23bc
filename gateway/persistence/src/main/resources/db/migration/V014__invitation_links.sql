-- Invitations people can accept: the product's sign-up link in the invitation mail, with a single-use, expiring
-- token that the product's sign-up page hands back to POST /admin/v1/invitations/accept.

-- Per tenant, the product's sign-up URL, a template with the placeholder {token} (the gateway's
-- SCIMGATE_INVITATION_URL applies to tenants without one).
CREATE TABLE invitation_settings (
  tenant_id     uuid        PRIMARY KEY REFERENCES tenants (id),
  url_template  text        NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- A resend makes the invitation's earlier mails stale: a mail still queued from before it gets no token.
ALTER TABLE invitations ADD COLUMN link_generation integer NOT NULL DEFAULT 1;

-- The tokens of invitation links. Only the SHA-256 of a token is stored: it is issued when its mail is sent and
-- exists in clear only in that mail (never in the deliveries table, a log or here). Single use, expiring;
-- a resend revokes the person's earlier tokens.
CREATE TABLE invitation_tokens (
  token_hash   bytea       PRIMARY KEY,
  tenant_id    uuid        NOT NULL,
  person_id    uuid        NOT NULL,
  round        integer     NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  revoked_at   timestamptz,
  FOREIGN KEY (person_id, round) REFERENCES invitations (person_id, round) ON DELETE CASCADE
);
CREATE INDEX invitation_tokens_person ON invitation_tokens (person_id) WHERE used_at IS NULL AND revoked_at IS NULL;
