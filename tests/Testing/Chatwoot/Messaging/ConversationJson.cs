using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>A conversation as Chatwoot renders it: the REST partial
/// (app/views/api/v1/conversations/partials/_conversation.json.jbuilder) and Conversation#webhook_data
/// (Conversations::EventDataPresenter#push_data). The REST partial has no <c>contact_inbox</c>; the webhook has.</summary>
internal static class ConversationJson
{
    public static JsonObject Render(FakeChatwootState state, FakeConversation conversation)
    {
        var latest = state.Messaging.LastMessageOf(conversation.Id);
        var last = latest is null ? null : MessageJson.PushEventData(state, latest);
        var lastNonActivity = state.Messaging.LastMessageOf(conversation.Id, m => m.MessageType != "activity");
        var contact = state.Messaging.FindContact(conversation.AccountId, conversation.ContactId);
        return new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["sender"] = contact is null ? null : ContactJson.Render(state, contact, withContactInboxes: false),
                ["channel"] = FakeInbox.ApiChannelType,
                ["hmac_verified"] = false,
            },
            ["id"] = conversation.Id,
            ["messages"] = last is null ? new JsonArray() : new JsonArray(last),
            ["account_id"] = conversation.AccountId,
            ["uuid"] = Uuid(conversation.Id),
            ["additional_attributes"] = new JsonObject(),
            ["agent_last_seen_at"] = 0,
            ["assignee_last_seen_at"] = 0,
            ["can_reply"] = true,
            ["contact_last_seen_at"] = 0,
            ["custom_attributes"] = new JsonObject(),
            ["inbox_id"] = conversation.InboxId,
            ["labels"] = new JsonArray(),
            ["muted"] = false,
            ["snoozed_until"] = null,
            ["status"] = conversation.Status,
            ["created_at"] = RailsTime.Unix(conversation.CreatedAt),
            ["updated_at"] = RailsTime.Float(conversation.LastActivityAt),
            ["timestamp"] = RailsTime.Unix(conversation.LastActivityAt),
            ["first_reply_created_at"] = 0,
            ["unread_count"] = MessageJson.UnreadCount(state, conversation.Id),
            ["last_non_activity_message"] = lastNonActivity is null ? null : MessageJson.PushEventData(state, lastNonActivity),
            ["last_activity_at"] = RailsTime.Unix(conversation.LastActivityAt),
            ["priority"] = null,
            ["waiting_since"] = 0,
            ["sla_policy_id"] = null,
        };
    }

    /// <summary>Conversation#webhook_data: what <c>conversation</c> holds in every webhook, and the root of the
    /// conversation events.</summary>
    public static JsonObject WebhookData(FakeChatwootState state, FakeConversation conversation)
    {
        var contact = state.Messaging.FindContact(conversation.AccountId, conversation.ContactId);
        var contactInbox = state.Messaging.FindContactInbox(conversation.ContactInboxId);
        var lastChat = state.Messaging.LastMessageOf(conversation.Id, m => m.MessageType != "activity" && !m.Private);
        return new JsonObject
        {
            ["additional_attributes"] = new JsonObject(),
            ["can_reply"] = true,
            ["channel"] = FakeInbox.ApiChannelType,
            ["contact_inbox"] = contactInbox is null ? null : ContactInboxRecord(contactInbox),
            ["id"] = conversation.Id,
            ["inbox_id"] = conversation.InboxId,
            ["messages"] = lastChat is null ? new JsonArray() : new JsonArray(MessageJson.PushEventData(state, lastChat)),
            ["labels"] = new JsonArray(),
            ["meta"] = new JsonObject
            {
                ["sender"] = contact is null ? null : ContactJson.PushEventData(contact),
                ["assignee"] = null,
                ["team"] = null,
                ["hmac_verified"] = false,
            },
            ["status"] = conversation.Status,
            ["custom_attributes"] = new JsonObject(),
            ["snoozed_until"] = null,
            ["unread_count"] = MessageJson.UnreadCount(state, conversation.Id),
            ["first_reply_created_at"] = null,
            ["priority"] = null,
            ["waiting_since"] = 0,
            ["agent_last_seen_at"] = 0,
            ["contact_last_seen_at"] = 0,
            ["last_activity_at"] = RailsTime.Unix(conversation.LastActivityAt),
            ["timestamp"] = RailsTime.Unix(conversation.LastActivityAt),
            ["created_at"] = RailsTime.Unix(conversation.CreatedAt),
            ["updated_at"] = RailsTime.Float(conversation.LastActivityAt),
        };
    }

    /// <summary>The ContactInbox record's own attributes.</summary>
    private static JsonObject ContactInboxRecord(FakeContactInbox contactInbox) => new()
    {
        ["id"] = contactInbox.Id,
        ["contact_id"] = contactInbox.ContactId,
        ["inbox_id"] = contactInbox.InboxId,
        ["source_id"] = contactInbox.SourceId,
        ["created_at"] = RailsTime.Json(contactInbox.CreatedAt),
        ["updated_at"] = RailsTime.Json(contactInbox.CreatedAt),
        ["hmac_verified"] = false,
        ["pubsub_token"] = StableToken($"contact_inbox:{contactInbox.Id}"),
    };

    private static string Uuid(long conversationId) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"conversation:{conversationId}")).AsSpan(0, 16)).ToString();

    // A has_secure_token-shaped value that stays the same from one payload to the next.
    private static string StableToken(string seed) =>
        new([.. SHA256.HashData(Encoding.UTF8.GetBytes(seed)).Take(24).Select(b => "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"[b % 58])]);
}
