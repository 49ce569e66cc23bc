-- Admin-defined attribute mappings of a connection (source attribute path -> target attribute path), applied by
-- its connector to inbound payloads; the custom SCIM connector uses them, e.g. a custom extension's `dept` to the
-- enterprise `department`.
ALTER TABLE connections ADD COLUMN attribute_mappings jsonb NOT NULL DEFAULT '{}'::jsonb;
