-- The two tables written for every message (outbox, message_links) no longer have a foreign key to
-- chatwoot_integrations. A foreign key check takes a KEY SHARE lock on the referenced row, and all of an
-- integration's traffic references the same row: with many concurrent writers PostgreSQL turns those locks
-- into MultiXacts, whose member lists are copied and checked on every new locker. Measured by
-- bench/routing/run, that was most of PostgreSQL's CPU per routed message (see docs/adr/0011).
--
-- The cascade stays, as a trigger: deleting an integration (deactivation, re-activation, its instance
-- deleted) still deletes its outbox rows and message links in the same transaction. A row written by a
-- request that read the integration just before it was deleted is never claimed (claims join the
-- integration) and is removed by the outbox purge.
ALTER TABLE outbox DROP CONSTRAINT outbox_integration_id_fkey;
ALTER TABLE message_links DROP CONSTRAINT message_links_integration_id_fkey;

CREATE FUNCTION delete_integration_routing_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM outbox WHERE integration_id = OLD.id;
    DELETE FROM message_links WHERE integration_id = OLD.id;
    RETURN OLD;
END
$$;

CREATE TRIGGER chatwoot_integrations_delete_routing_rows
    AFTER DELETE ON chatwoot_integrations
    FOR EACH ROW EXECUTE FUNCTION delete_integration_routing_rows();

-- Claims walk pending rows in id order and stop after a batch: without an index in that order PostgreSQL
-- read every pending row and sorted them on each claim, so a backlog (an outage, a burst) made every claim
-- slower. The due index served no query the planner chose.
CREATE INDEX IF NOT EXISTS outbox_pending_id_idx ON outbox (id) WHERE status = 'pending';
DROP INDEX IF EXISTS outbox_due_idx;
