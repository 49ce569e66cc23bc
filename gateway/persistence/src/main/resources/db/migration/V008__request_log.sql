-- The SCIM request log (what each connection's IdP sent and what it got back) and each connection's live
-- activity, for the admin portal. Rows are written in batches by every node's RequestLogRecorder (one
-- statement per flush, never one per request) and pruned by age and by count per connection.
-- Never stored: request bodies, headers, tokens; query strings keep parameter names and the filter only.

CREATE TABLE scim_request_log (
  id             bigserial PRIMARY KEY,
  tenant_id      uuid        NOT NULL,
  connection_id  uuid        NOT NULL,
  at             timestamptz NOT NULL,
  method         text        NOT NULL,
  -- relative to the connection's base URL, e.g. /Users?filter=userName eq "x"&count
  path           text        NOT NULL,
  status         smallint    NOT NULL,
  scim_type      text,
  detail         text,
  request_id     text
);
-- The log of one connection, newest first (the admin API pages it by id).
CREATE INDEX scim_request_log_connection ON scim_request_log (connection_id, id DESC);
-- Pruning by age; appends land on the rightmost page, so the index costs little.
CREATE INDEX scim_request_log_at ON scim_request_log (at);
-- "Failures in the last 24 h" per connection reads only failed requests.
CREATE INDEX scim_request_log_failures ON scim_request_log (connection_id, at) WHERE status >= 400;

-- A connection with a row here has received at least one authenticated request ("receiving").
CREATE TABLE connection_activity (
  connection_id     uuid PRIMARY KEY REFERENCES connections (id),
  tenant_id         uuid        NOT NULL,
  first_request_at  timestamptz NOT NULL,
  last_request_at   timestamptz NOT NULL
);
