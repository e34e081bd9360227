-- Requests counted per rate-limit policy, partition and window, shared by every replica
-- (docs/adr/0038-rate-limits-shared-by-replicas.md). partition_key is a hash of who is counted, never a token.
-- UNLOGGED: a count matters for one window only. Skipping the WAL spares every API request a durable commit; a
-- crash empties the table, which loosens the current window once. The fillfactor leaves room on each page so the
-- count's updates stay HOT (no index entry per update).
CREATE UNLOGGED TABLE rate_limit_windows (
    policy         text        NOT NULL,
    partition_key  bytea       NOT NULL,
    window_start   timestamptz NOT NULL,
    hits           bigint      NOT NULL,
    PRIMARY KEY (policy, partition_key, window_start)
) WITH (fillfactor = 70);
