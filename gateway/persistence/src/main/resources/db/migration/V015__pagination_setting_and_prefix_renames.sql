-- Whether a connection's /ServiceProviderConfig carries RFC 9865's `pagination` attribute. Off by default: the
-- UnboundID / Ping Identity SCIM 2 SDK 4.x refuses the whole document with it ("Core attribute pagination is
-- undefined"); 5.x reads it. Cursor paging works either way; this only decides whether it is advertised.
ALTER TABLE connections ADD COLUMN advertise_pagination boolean NOT NULL DEFAULT false;

-- group.renamed also when only the product-side name changes: a connection's group prefix changed, and every
-- group of the connection took the new prefix in the same transaction (one UPDATE, one event per group). The
-- payload carries the names before the change (oldDisplayName, oldProductName), as the event catalogue says.
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
  ELSIF NEW.display_name IS DISTINCT FROM OLD.display_name OR NEW.product_name IS DISTINCT FROM OLD.product_name THEN
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
