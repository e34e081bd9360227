-- The outbox is a queue: every row is inserted, updated two or three times and kept days as dedupe memory.
-- With the default (vacuum once 20% of the table is dead) a table holding days of delivered rows would carry
-- millions of dead entries in the pending indexes, which every claim walks through; vacuum it after every
-- 10,000 dead rows instead.
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
                        autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 10000);
