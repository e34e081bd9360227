using System.Text.Json.Nodes;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>The bodies WebhookListener posts: <c>message.webhook_data.merge(event:)</c> and
/// <c>conversation.webhook_data.merge(event:, changed_attributes:)</c>, so <c>event</c> comes last.</summary>
internal static class WebhookPayloads
{
    public const string MessageCreated = "message_created";
    public const string MessageUpdated = "message_updated";
    public const string ConversationCreated = "conversation_created";
    public const string ConversationStatusChanged = "conversation_status_changed";
    public const string TypingOn = "conversation_typing_on";
    public const string TypingOff = "conversation_typing_off";

    /// <summary>WebhookListener#handle_typing_status: <c>{event, user, conversation, is_private}</c>, user and
    /// conversation as their <c>webhook_data</c>.</summary>
    public static JsonObject Typing(FakeChatwootState state, FakeConversation conversation, FakeUser user, bool on, bool isPrivate) => new()
    {
        ["event"] = on ? TypingOn : TypingOff,
        ["user"] = UserJson.WebhookData(user),
        ["conversation"] = ConversationJson.WebhookData(state, conversation),
        ["is_private"] = isPrivate,
    };

    /// <summary>Message#webhook_data, then the event name.</summary>
    public static JsonObject Message(FakeChatwootState state, FakeMessage message, FakeConversation conversation, string eventName)
    {
        var inbox = state.FindInbox(message.InboxId);
        var json = new JsonObject
        {
            ["account"] = ContactJson.AccountWebhookData(message.AccountId),
            ["additional_attributes"] = new JsonObject(),
            ["content_attributes"] = message.ExternalError is null ? [] : new JsonObject { ["external_error"] = message.ExternalError },
            ["content_type"] = "text",
            ["content"] = message.Content,
            ["conversation"] = ConversationJson.WebhookData(state, conversation),
            ["created_at"] = RailsTime.Json(message.CreatedAt),
            ["id"] = message.Id,
            ["inbox"] = new JsonObject { ["id"] = message.InboxId, ["name"] = inbox?.Name },
            ["message_type"] = message.MessageType,
            ["private"] = message.Private,
            ["sender"] = SenderWebhookData(state, message),
            ["source_id"] = message.SourceId,
        };
        if (message.Attachments.Count > 0)
        {
            json["attachments"] = MessageJson.Attachments(message);
        }

        if (state.Messaging.IsDeleted(message.Id))
        {
            // MessagesController#destroy replaced the content attributes with this alone.
            json["content_attributes"] = new JsonObject { ["deleted"] = true };
        }

        json["event"] = eventName;
        return json;
    }

    /// <summary>Conversation#webhook_data, then the event name and, for a status change, what changed.</summary>
    public static JsonObject Conversation(FakeChatwootState state, FakeConversation conversation, string eventName, string? previousStatus = null)
    {
        var json = ConversationJson.WebhookData(state, conversation);
        json["event"] = eventName;
        if (eventName == ConversationStatusChanged)
        {
            json["changed_attributes"] = new JsonArray(new JsonObject
            {
                ["status"] = new JsonObject { ["previous_value"] = previousStatus, ["current_value"] = conversation.Status },
            });
        }

        return json;
    }

    private static JsonObject? SenderWebhookData(FakeChatwootState state, FakeMessage message) => message switch
    {
        { SenderType: "User", SenderId: { } userId } => state.Messaging.FindUser(userId) is { } user ? UserJson.WebhookData(user) : null,
        { SenderType: "Contact", SenderId: { } contactId } => state.Messaging.FindContact(message.AccountId, contactId) is { } contact
            ? ContactJson.WebhookData(contact)
            : null,
        _ => null,
    };
}
