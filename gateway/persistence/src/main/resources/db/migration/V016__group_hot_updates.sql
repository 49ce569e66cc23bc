-- Every membership change bumps its group's version and modified_at. With modified_at indexed, each bump was a
-- non-HOT update: a new row version in all six indexes of scim_groups for every member added or removed (the
-- group-storm workload), and more for vacuum to clean. Without that index the bump touches no indexed column,
-- so PostgreSQL updates the row in place on its page (HOT) and the indexes are left alone.
-- `meta.lastModified` filters on groups lose their index: a connection has few groups (hundreds, thousands), which
-- the (connection_id, created_at, id) index narrows to before the filter applies. Users keep theirs (millions).
DROP INDEX scim_groups_modified;
-- room on each page for the new row version, so that an update can stay on its page (only new pages use it)
ALTER TABLE scim_groups SET (fillfactor = 80);
