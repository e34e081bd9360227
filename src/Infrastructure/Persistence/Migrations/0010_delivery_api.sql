-- The delivery API lists an integration's failed deliveries, newest first, and counts those of the last day
-- (docs/adr/0036-delivery-api-queries-and-indexes.md). A row becomes failed rarely, and a partial index gets an entry only
-- for a row in its state: routed messages, which are never failed, write nothing here. Its columns are ones no
-- claim or renewal changes (status already decides the other partial indexes), so those updates stay HOT.
CREATE INDEX IF NOT EXISTS outbox_failed_idx ON outbox (integration_id, id) WHERE status = 'failed';
