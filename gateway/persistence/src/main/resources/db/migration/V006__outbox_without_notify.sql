-- NOTIFY from every writing transaction made PostgreSQL serialize their commits (a NOTIFY-ing commit holds a
-- database-wide lock through its WAL flush): measured on 2 cores, okta-import fell from 2,626 to 310 users/s.
-- The node that made a change wakes its own relay instead (in-process), other nodes poll; an operator or another
-- service can still wake every relay with: SELECT pg_notify('scimgate_outbox', '');
DROP TRIGGER outbox_events_notify ON outbox_events;
DROP FUNCTION scimgate_outbox_notify();
