-- `meta.lastModified gt "..."` (incremental syncs) is an index range scan, not a sequential scan.
CREATE INDEX scim_users_modified ON scim_users (connection_id, modified_at);
CREATE INDEX scim_groups_modified ON scim_groups (connection_id, modified_at);
