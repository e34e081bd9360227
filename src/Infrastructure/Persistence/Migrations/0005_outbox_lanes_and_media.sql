-- The lane of an outbox row is two columns: its kind (a WhatsApp chat's messages, an agent's replies to a chat, the
-- reports of one message) and its key within the kind. Before, both were one text with a prefix ('in:', 'out:',
-- 'status:') that code on both sides had to spell alike. Rows already recorded, pending ones included, are converted
-- in place: their kind comes from the kind of work, their key loses its prefix.
ALTER TABLE outbox ADD COLUMN lane_kind text;

UPDATE outbox SET
    lane_kind = CASE kind WHEN 'whatsapp_message' THEN 'chat' WHEN 'agent_reply' THEN 'reply' ELSE 'status' END,
    chat_key = CASE
        WHEN chat_key LIKE 'in:%' THEN substr(chat_key, 4)
        WHEN chat_key LIKE 'out:%' THEN substr(chat_key, 5)
        WHEN chat_key LIKE 'status:%' THEN substr(chat_key, 8)
        ELSE chat_key
    END;

ALTER TABLE outbox ALTER COLUMN lane_kind SET NOT NULL;
ALTER TABLE outbox ADD CONSTRAINT outbox_lane_kind_check CHECK (lane_kind IN ('chat', 'reply', 'status'));
ALTER TABLE outbox RENAME COLUMN chat_key TO lane_key;

DROP INDEX outbox_pending_idx;
CREATE INDEX outbox_pending_idx ON outbox (integration_id, lane_kind, lane_key, id) WHERE status = 'pending';

-- Media the engine sends inline (base64, up to tens of MiB) is stored here, decoded, instead of inside the row's
-- payload, which every claim of a batch reads. Written in the statement that records its row; read only by the
-- delivery that posts it; deleted once its row is finished (outbox purge) or with the row.
CREATE TABLE outbox_media (
    outbox_id  bigint PRIMARY KEY REFERENCES outbox (id) ON DELETE CASCADE,
    content    bytea  NOT NULL
);
