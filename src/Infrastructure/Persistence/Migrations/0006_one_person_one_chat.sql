-- One person, one chat (docs/adr/0027-chat-keyed-by-the-person.md). A private chat is keyed by the person:
-- chat_jid holds the chat's key (the LID when its first event carried one, else the JID as received), and each
-- spelling of the person is kept beside the key: the phone number's JID and the LID. An event naming either
-- finds the chat; a chat first seen by LID alone gets its phone JID when a later event reveals it.
ALTER TABLE chatwoot_chats ADD COLUMN phone_jid text NULL;
ALTER TABLE chatwoot_chats ADD COLUMN lid text NULL;

-- Chats recorded before were keyed by the JID as received: their spelling is filled in, so a later event with a
-- LID beside the phone finds them. Two old chats of one number (spelled two ways) give it to the latest.
UPDATE chatwoot_chats c SET phone_jid = s.phone_jid
FROM (SELECT DISTINCT ON (integration_id, phone_jid) integration_id, chat_jid, phone_jid
      FROM (SELECT integration_id, chat_jid, updated_at, substring(chat_jid from '^(\d{7,15})') || '@s.whatsapp.net' AS phone_jid
            FROM chatwoot_chats WHERE chat_jid ~ '^\d{7,15}(:\d+)?(@s\.whatsapp\.net|@c\.us)?$') spelled
      ORDER BY integration_id, phone_jid, updated_at DESC) s
WHERE c.integration_id = s.integration_id AND c.chat_jid = s.chat_jid;
UPDATE chatwoot_chats SET lid = chat_jid WHERE chat_jid LIKE '%@lid';

-- Each spelling names at most one chat of an integration.
CREATE UNIQUE INDEX chatwoot_chats_phone_jid_idx ON chatwoot_chats (integration_id, phone_jid) WHERE phone_jid IS NOT NULL;
CREATE UNIQUE INDEX chatwoot_chats_lid_idx ON chatwoot_chats (integration_id, lid) WHERE lid IS NOT NULL;

-- A new contact's WhatsApp picture and profile name arrive as their own delivery, in a lane of their own.
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check
    CHECK (kind IN ('whatsapp_message', 'agent_reply', 'message_status', 'conversation_status', 'contact_profile'));
ALTER TABLE outbox DROP CONSTRAINT outbox_lane_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_lane_kind_check CHECK (lane_kind IN ('chat', 'reply', 'status', 'profile'));
