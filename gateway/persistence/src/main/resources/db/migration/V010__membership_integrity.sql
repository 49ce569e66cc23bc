-- Membership rows can no longer point at a deleted user or group.
--
-- Before, adding member X to a group (check X exists, then insert the row) raced with deleting X (delete X, then
-- its membership rows, all in one snapshot): the delete could miss a row the add committed meanwhile, leaving a
-- member that GET /Groups showed and `members.value` filters found. A member is a user or a group, so one
-- foreign key on member_id cannot say it; two generated columns can: user_member_id is member_id when the
-- member is a user (else NULL), group_member_id when it is a group, and each references its table with
-- ON DELETE CASCADE. PostgreSQL's foreign keys settle exactly this race: the insert's check takes a KEY SHARE
-- lock on the member row (so a concurrent delete waits for the add to commit, and its cascade, which reads
-- with a fresh snapshot, removes the new row), and an insert naming a member deleted meanwhile fails with
-- 23503, which the gateway answers as 400 "unknown member". Generated columns keep every writer unchanged
-- (they still insert member_id and member_type), and unlike a trigger the check cannot be bypassed or get
-- its locking subtly wrong. Chosen over "insert ... select from the live rows FOR KEY SHARE": that fixes the
-- add side only; the delete side would also need its own statement order, in every code path that deletes.

-- Rows that already dangle (left by the race) go first: the constraints would refuse them.
DELETE FROM scim_group_members m
WHERE (m.member_type = 'User' AND NOT EXISTS (SELECT 1 FROM scim_users u WHERE u.id = m.member_id))
   OR (m.member_type = 'Group' AND NOT EXISTS (SELECT 1 FROM scim_groups g WHERE g.id = m.member_id));

ALTER TABLE scim_group_members
  ADD COLUMN user_member_id uuid
    GENERATED ALWAYS AS (CASE WHEN member_type = 'User' THEN member_id END) STORED
    CONSTRAINT scim_group_members_user_member_fk REFERENCES scim_users (id) ON DELETE CASCADE,
  ADD COLUMN group_member_id uuid
    GENERATED ALWAYS AS (CASE WHEN member_type = 'Group' THEN member_id END) STORED
    CONSTRAINT scim_group_members_group_member_fk REFERENCES scim_groups (id) ON DELETE CASCADE;

-- The cascades look rows up by these columns; partial, because half of each column is NULL.
CREATE INDEX scim_group_members_user_member ON scim_group_members (user_member_id)
  WHERE user_member_id IS NOT NULL;
CREATE INDEX scim_group_members_group_member ON scim_group_members (group_member_id)
  WHERE group_member_id IS NOT NULL;
