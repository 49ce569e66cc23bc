-- The directory events API reads outbox_events in the order the relay applied them. outbox_events.id cannot give
-- that order: ids are taken when a transaction writes, so a lower id can commit after a higher one, and a reader
-- paging "after id N" would skip it. The relay, which processes a tenant's events one transaction at a time
-- under the tenant's advisory lock, gives each event a per-tenant position when it marks it processed: positions
-- are gap-free and become visible in order (a transaction that took positions commits before the next one takes
-- any), so "after position N" never skips or repeats an event, on any node.
ALTER TABLE outbox_events ADD COLUMN position bigint;

-- The last position given per tenant; kept when old events are pruned, so positions never start again.
CREATE TABLE tenant_event_positions (
  tenant_id      uuid   PRIMARY KEY,
  last_position  bigint NOT NULL
);

-- Events processed before this migration, in the order they were processed (ties by id): the retention prune
-- deletes by processed_at, and it must remove a prefix of each tenant's positions.
UPDATE outbox_events o SET position = numbered.position
FROM (SELECT id, row_number() OVER (PARTITION BY tenant_id ORDER BY processed_at, id) AS position
      FROM outbox_events WHERE processed_at IS NOT NULL) numbered
WHERE o.id = numbered.id;

INSERT INTO tenant_event_positions (tenant_id, last_position)
SELECT tenant_id, max(position) FROM outbox_events WHERE position IS NOT NULL GROUP BY tenant_id;

CREATE UNIQUE INDEX outbox_events_position ON outbox_events (tenant_id, position) WHERE position IS NOT NULL;

-- group.renamed carries the names before the change as well (the event catalogue's payload).
CREATE OR REPLACE FUNCTION scimgate_group_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text;
  source     scim_groups;
  names      jsonb := '{}'::jsonb;
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
    names := jsonb_build_object('oldDisplayName', OLD.display_name, 'oldProductName', OLD.product_name);
  ELSIF NEW.doc IS DISTINCT FROM OLD.doc THEN
    event_type := 'group.updated';
    source := NEW;
  ELSE
    RETURN NULL; -- a version bump of a membership change: the membership trigger reports it
  END IF;
  INSERT INTO outbox_events (tenant_id, connection_id, type, resource_id, data)
  VALUES (source.tenant_id, source.connection_id, event_type, source.id, jsonb_build_object(
    'displayName', source.display_name, 'productName', source.product_name, 'externalId', source.external_id)
    || names);
  RETURN NULL;
END $$;
