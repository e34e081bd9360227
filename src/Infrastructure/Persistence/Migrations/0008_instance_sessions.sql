-- The WhatsApp session of each instance as the engine last reported it (instance.state events, or a send refused
-- because the instance is not connected), and since when it has been so. One row per instance, kept with it.
CREATE TABLE instance_sessions (
    instance_id  uuid        PRIMARY KEY REFERENCES instances (id) ON DELETE CASCADE,
    state        text        NOT NULL,
    since        timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- A row retried because the WhatsApp session was down: when the engine reports the session connected again these
-- rows are made due at once instead of waiting out their backoff. A constant default adds the column without
-- rewriting the table.
ALTER TABLE outbox ADD COLUMN waits_for_session boolean NOT NULL DEFAULT false;
