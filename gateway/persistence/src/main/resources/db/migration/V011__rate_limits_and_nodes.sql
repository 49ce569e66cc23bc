-- Per-connection request budgets (NULL: the operator's default) and the gateway nodes that are running, so that
-- each node can size its share of a budget by how many nodes share the traffic.

ALTER TABLE connections ADD COLUMN rate_limit_rps integer CHECK (rate_limit_rps > 0);
ALTER TABLE connections ADD COLUMN rate_limit_burst integer CHECK (rate_limit_burst > 0);

CREATE TABLE gateway_nodes (
  id          uuid        PRIMARY KEY,
  started_at  timestamptz NOT NULL DEFAULT now(),
  seen_at     timestamptz NOT NULL DEFAULT now()
);
