-- Message routing: the outbox every routed unit of work goes through, and what RyzeApi remembers
-- about Chatwoot (contacts and conversations per WhatsApp chat, message ids both ways).
-- Every table hangs off the integration: deactivation or re-activation drops its pending work.

-- Set when Chatwoot rejected the token (401/403): deliveries stop until the integration is activated again.
ALTER TABLE chatwoot_integrations ADD COLUMN deliveries_halted boolean NOT NULL DEFAULT false;

CREATE TABLE outbox (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    integration_id   text        NOT NULL REFERENCES chatwoot_integrations (id) ON DELETE CASCADE,
    kind             text        NOT NULL CHECK (kind IN ('whatsapp_message', 'agent_reply', 'message_status', 'conversation_status')),
    -- Work with the same chat key is delivered one at a time, in id order (per-chat order).
    chat_key         text        NOT NULL,
    -- 'wa:<whatsapp id>' or 'cw:<chatwoot message id>': the same message is routed once.
    dedupe_key       text        NULL,
    payload          jsonb       NOT NULL,
    status           text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    leased_until     timestamptz NULL,
    leased_by        text        NULL,
    last_error       text        NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (integration_id, dedupe_key)
);
CREATE INDEX outbox_pending_idx ON outbox (integration_id, chat_key, id) WHERE status = 'pending';
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE status = 'pending';

-- One Chatwoot contact (and its contact inbox) per WhatsApp chat, and the chat's current conversation.
CREATE TABLE chatwoot_chats (
    integration_id        text        NOT NULL REFERENCES chatwoot_integrations (id) ON DELETE CASCADE,
    chat_jid              text        NOT NULL,
    contact_id            bigint      NOT NULL,
    contact_source_id     text        NOT NULL,
    conversation_id       bigint      NULL,
    conversation_status   text        NULL,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (integration_id, chat_jid)
);

-- Every conversation RyzeApi opened for a chat, current or past. Agent replies find their chat only
-- here, by conversation id: never from the webhook payload, so a forged payload cannot pick a number.
CREATE TABLE chatwoot_conversations (
    integration_id   text    NOT NULL REFERENCES chatwoot_integrations (id) ON DELETE CASCADE,
    conversation_id  bigint  NOT NULL,
    chat_jid         text    NOT NULL,
    PRIMARY KEY (integration_id, conversation_id)
);

-- Which WhatsApp message is which Chatwoot message, both ways: echoes are recognised and
-- engine status reports find the Chatwoot message to update.
CREATE TABLE message_links (
    integration_id            text        NOT NULL REFERENCES chatwoot_integrations (id) ON DELETE CASCADE,
    whatsapp_id               text        NOT NULL,
    chatwoot_message_id       bigint      NOT NULL,
    chatwoot_conversation_id  bigint      NOT NULL,
    direction                 text        NOT NULL CHECK (direction IN ('to_chatwoot', 'to_whatsapp')),
    created_at                timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (integration_id, whatsapp_id)
);
CREATE INDEX message_links_chatwoot_idx ON message_links (integration_id, chatwoot_message_id);
