-- A delivery that failed although its send may have reached the other side (the engine accepted an agent's reply but
-- its answer was unreadable, or named no message): sending it again could deliver it twice, so the delivery API never
-- requeues it (docs/adr/0037-retrying-a-failed-delivery.md). A constant default adds the column without rewriting the table.
ALTER TABLE outbox ADD COLUMN may_have_arrived boolean NOT NULL DEFAULT false;
