-- What an agent does in Chatwoot besides replying reaches WhatsApp: deletions revoke the message, typing shows as
-- presence, and (markReadOnReply, on unless the activation says otherwise) a reply marks the customer's chat read.

-- Integrations activated before this setting existed keep the default: their replies mark the chat read too.
ALTER TABLE chatwoot_integrations ADD COLUMN mark_read_on_reply boolean NOT NULL DEFAULT true;

-- The new kinds of work (0006 added the contact profile's, kept here). Typing and read marks have a lane kind of their own ('presence', keyed by the chat), so they
-- never wait behind the chat's replies. A check constraint can only be replaced, not extended: every kind is listed.
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN (
    'whatsapp_message', 'agent_reply', 'message_status', 'conversation_status', 'contact_profile', 'agent_deletion', 'chat_presence', 'chat_read'));

ALTER TABLE outbox DROP CONSTRAINT outbox_lane_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_lane_kind_check CHECK (lane_kind IN ('chat', 'reply', 'status', 'profile', 'presence'));
