-- Every table but tenants (and the gateway's own bookkeeping: schema_migrations, gateway_nodes) carries tenant_id,
-- so that the store can move to a distributed PostgreSQL (Citus, distributed by tenant_id) when one primary is
-- outgrown: a table without it cannot be co-located with its tenant's other rows, and a statement joining it would
-- cross shards. Membership rows were the exception; they take their group's tenant. The backfill rewrites the
-- table once (plan the upgrade of a very large one: see docs/operations.md).
ALTER TABLE scim_group_members ADD COLUMN tenant_id uuid;
UPDATE scim_group_members m SET tenant_id = g.tenant_id FROM scim_groups g WHERE g.id = m.group_id;
ALTER TABLE scim_group_members ALTER COLUMN tenant_id SET NOT NULL;
