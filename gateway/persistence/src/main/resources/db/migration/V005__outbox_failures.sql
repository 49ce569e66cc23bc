-- An event the relay could not apply even on its own, after several attempts, is set aside (processed, with the
-- error) so that one bad event cannot stop its tenant's pipeline; the error is logged and kept here.
ALTER TABLE outbox_events ADD COLUMN failure text;
