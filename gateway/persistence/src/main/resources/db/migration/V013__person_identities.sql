-- One person per tenant, however many connections push them. Until now a person was a SCIM user: the same
-- employee pushed by two connections (a company moving from Okta to Entra, or one IdP per department) was two
-- people with two invitations. Now a person is matched across connections by a key (their e-mail) and holds a
-- link to each SCIM user that is them (person_identities). Existing people whose keys match are merged.

-- The key that finds a person across connections: the e-mail, lower-cased and trimmed; when there is none, the
-- userName if it is an e-mail; else the user's own id, so that a user with neither matches nobody. Only values
-- shaped like an address count: two users whose e-mail says "n/a" are not one person. The only definition of the
-- key: the relay calls it too.
CREATE FUNCTION scimgate_person_key(email text, user_name text, user_id uuid) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN btrim(email) ~ '^[^@[:space:]]+@[^@[:space:]]+$' THEN 'email:' || lower(btrim(email))
    WHEN btrim(user_name) ~ '^[^@[:space:]]+@[^@[:space:]]+$' THEN 'email:' || lower(btrim(user_name))
    ELSE 'user:' || user_id
  END $$;

ALTER TABLE personnel RENAME COLUMN user_id TO id;
ALTER TABLE personnel_history RENAME COLUMN user_id TO person_id;
ALTER TABLE invitations RENAME COLUMN user_id TO person_id;
ALTER TABLE personnel ADD COLUMN match_key text;

-- Each SCIM user that is a person, as last seen: kept after the user is deleted (deleted_at), so that the person
-- shows where they came from. A user belongs to the person it was first matched to: a later change of address
-- does not move it (the person's invitation and acceptance must not jump to someone else).
CREATE TABLE person_identities (
  user_id        uuid        PRIMARY KEY,
  person_id      uuid        NOT NULL REFERENCES personnel (id) ON DELETE CASCADE,
  tenant_id      uuid        NOT NULL,
  connection_id  uuid        NOT NULL,
  user_name      text        NOT NULL,
  email          text,
  active         boolean     NOT NULL,
  deleted_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
-- a person's identities; the Personnel screen's connection filter, checked person by person along the page order,
-- and its count (all of a connection's people)
CREATE INDEX person_identities_person ON person_identities (person_id, connection_id);
CREATE INDEX person_identities_connection ON person_identities (tenant_id, connection_id, person_id);

-- Every existing row's key and the person it becomes: the earliest row of its key (creation, then id), whose id
-- stays the person's id, so that its URLs, history and delivery ids stay valid.
CREATE TEMP TABLE person_merge ON COMMIT DROP AS
SELECT p.id AS user_id, p.tenant_id, k.key, first_value(p.id) OVER w AS person_id, row_number() OVER w AS position
FROM personnel p, LATERAL (SELECT scimgate_person_key(p.email, p.user_name, p.id) AS key) k
WINDOW w AS (PARTITION BY p.tenant_id, k.key ORDER BY p.created_at, p.id);
CREATE UNIQUE INDEX ON person_merge (user_id);

INSERT INTO person_identities (user_id, person_id, tenant_id, connection_id, user_name, email, active, deleted_at,
  created_at, updated_at)
SELECT p.id, m.person_id, p.tenant_id, p.connection_id, p.user_name, p.email, p.scim_active AND u.id IS NOT NULL,
  CASE WHEN u.id IS NULL THEN coalesce(p.deprovisioned_at, p.updated_at) END, p.created_at, p.updated_at
FROM personnel p JOIN person_merge m ON m.user_id = p.id LEFT JOIN scim_users u ON u.id = p.id;

-- Invitations stay unique per (person, round): the surviving row's rounds stay as they are (its deliveries are
-- named after them), the merged rows' invitations follow as later rounds, oldest first. Nobody is invited again
-- for a round that already has an invitation.
WITH survivor_rounds AS (
  SELECT m.person_id, coalesce(max(i.round), 0) AS last
  FROM person_merge m LEFT JOIN invitations i ON i.person_id = m.user_id
  WHERE m.position = 1 GROUP BY m.person_id),
moved AS (
  SELECT i.person_id AS old_id, i.round AS old_round, m.person_id,
    s.last + row_number() OVER (PARTITION BY m.person_id ORDER BY i.created_at, i.person_id, i.round) AS round
  FROM invitations i JOIN person_merge m ON m.user_id = i.person_id AND m.position > 1
  JOIN survivor_rounds s ON s.person_id = m.person_id)
UPDATE invitations i SET person_id = moved.person_id, round = moved.round
FROM moved WHERE i.person_id = moved.old_id AND i.round = moved.old_round;

UPDATE personnel_history h SET person_id = m.person_id
FROM person_merge m WHERE h.person_id = m.user_id AND m.position > 1;

-- A merged person: active if anyone of them accepted, else invited if anyone has an invitation outstanding, else
-- imported (with a round after every invitation so far, so that the policy's next invitation is a new one);
-- deprovisioned when none of them is SCIM-active. Names and e-mail from the most recent active row.
WITH grouped AS (
  SELECT m.person_id, count(*) AS members, bool_or(p.scim_active) AS any_active,
    min(p.accepted_at) AS accepted_at, bool_or(p.status = 'active' OR p.accepted_at IS NOT NULL) AS accepted,
    bool_or(p.status = 'invited') AS invited, min(p.invited_at) AS invited_at,
    max(p.deprovisioned_at) AS deprovisioned_at, min(p.created_at) AS created_at, max(p.updated_at) AS updated_at
  FROM person_merge m JOIN personnel p ON p.id = m.user_id
  GROUP BY m.person_id HAVING count(*) > 1),
latest AS (
  SELECT DISTINCT ON (m.person_id) m.person_id, p.user_name, p.display_name, p.email
  FROM person_merge m JOIN personnel p ON p.id = m.user_id
  ORDER BY m.person_id, p.scim_active DESC, p.updated_at DESC, p.id),
rounds AS (SELECT person_id, max(round) AS last FROM invitations GROUP BY person_id),
merged AS (
  SELECT g.*, l.user_name, l.display_name, l.email, coalesce(r.last, 0) AS last_round,
    CASE WHEN NOT g.any_active THEN 'deprovisioned' WHEN g.accepted THEN 'active'
      WHEN g.invited THEN 'invited' ELSE 'imported' END AS status
  FROM grouped g JOIN latest l USING (person_id) LEFT JOIN rounds r USING (person_id)),
up AS (
  UPDATE personnel p SET user_name = merged.user_name, display_name = merged.display_name, email = merged.email,
    status = merged.status, scim_active = merged.any_active,
    invite_round = CASE WHEN merged.status = 'imported' THEN merged.last_round + 1
      ELSE greatest(merged.last_round, 1) END,
    invited_at = merged.invited_at, accepted_at = merged.accepted_at, deprovisioned_at = merged.deprovisioned_at,
    created_at = merged.created_at, updated_at = merged.updated_at
  FROM merged WHERE p.id = merged.person_id
  RETURNING p.id, p.tenant_id, p.status, merged.members)
INSERT INTO personnel_history (person_id, tenant_id, status, reason)
SELECT id, tenant_id, status, 'merged ' || members || ' SCIM users with the same e-mail into one person' FROM up;

DELETE FROM personnel p USING person_merge m WHERE p.id = m.user_id AND m.position > 1;

UPDATE personnel p SET match_key = m.key FROM person_merge m WHERE m.user_id = p.id;
ALTER TABLE personnel ALTER COLUMN match_key SET NOT NULL;
-- Two connections (on two nodes) creating the same person at the same moment end with one person: the relay
-- inserts with ON CONFLICT on this index.
CREATE UNIQUE INDEX personnel_match_key ON personnel (tenant_id, match_key);

-- A person is no longer one connection's: the connection filter goes through person_identities (its index above
-- replaces personnel_tenant_connection, dropped with the column).
ALTER TABLE personnel DROP COLUMN connection_id;
