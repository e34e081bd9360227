-- The W3C trace context (traceparent) of the request or delivery that recorded the row, so that its delivery continues
-- that trace (docs/adr/0034-a-delivery-continues-the-trace-that-recorded-it.md). Nullable without a default: the column
-- is added without rewriting the table, and rows recorded before it start a trace of their own.
ALTER TABLE outbox ADD COLUMN trace_parent text;
