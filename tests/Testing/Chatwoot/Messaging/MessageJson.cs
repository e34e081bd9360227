using System.Text.Json.Nodes;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>A message as Chatwoot renders it: the REST partial (app/views/api/v1/models/_message.json.jbuilder,
/// <c>message_type</c> as an integer), Message#push_event_data and Attachment#push_event_data.</summary>
internal static class MessageJson
{
    public static JsonObject Render(FakeChatwootState state, FakeMessage message)
    {
        var json = new JsonObject
        {
            ["id"] = message.Id,
            ["content"] = message.Content,
            ["inbox_id"] = message.InboxId,
            ["conversation_id"] = message.ConversationId,
            ["message_type"] = message.MessageTypeCode,
            ["content_type"] = "text",
            ["status"] = message.Status,
            ["content_attributes"] = ContentAttributes(message),
            ["created_at"] = RailsTime.Unix(message.CreatedAt),
            ["private"] = message.Private,
            ["source_id"] = message.SourceId,
        };
        if (SenderPushEventData(state, message) is { } sender)
        {
            json["sender"] = sender;
        }

        if (message.Attachments.Count > 0)
        {
            json["attachments"] = Attachments(message);
        }

        return json;
    }

    /// <summary>Message#push_event_data: the record's columns, then what it merges in.</summary>
    public static JsonObject PushEventData(FakeChatwootState state, FakeMessage message)
    {
        var conversation = state.Messaging.FindConversation(message.ConversationId);
        var json = new JsonObject
        {
            ["id"] = message.Id,
            ["content"] = message.Content,
            ["account_id"] = message.AccountId,
            ["inbox_id"] = message.InboxId,
            ["conversation_id"] = message.ConversationId,
            ["message_type"] = message.MessageTypeCode,
            ["created_at"] = RailsTime.Unix(message.CreatedAt),
            ["updated_at"] = RailsTime.Json(message.CreatedAt),
            ["private"] = message.Private,
            ["status"] = message.Status,
            ["source_id"] = message.SourceId,
            ["content_type"] = "text",
            ["content_attributes"] = ContentAttributes(message),
            ["sender_type"] = message.SenderType,
            ["sender_id"] = message.SenderId,
            ["external_source_ids"] = new JsonObject(),
            ["additional_attributes"] = new JsonObject(),
            ["processed_message_content"] = message.Content,
            ["sentiment"] = new JsonObject(),
            ["conversation"] = new JsonObject
            {
                ["assignee_id"] = null,
                ["unread_count"] = UnreadCount(state, message.ConversationId),
                ["last_activity_at"] = conversation is null ? null : RailsTime.Unix(conversation.LastActivityAt),
                ["contact_inbox"] = new JsonObject { ["source_id"] = conversation?.SourceId },
            },
        };
        if (message.Attachments.Count > 0)
        {
            json["attachments"] = Attachments(message);
        }

        if (SenderPushEventData(state, message) is { } sender)
        {
            json["sender"] = sender;
        }

        return json;
    }

    public static JsonArray Attachments(FakeMessage message) =>
        new([.. message.Attachments.Select(a => (JsonNode)AttachmentPushEventData(a, message.AccountId))]);

    /// <summary>Attachment#push_event_data for an uploaded file. Width and height come from ActiveStorage's
    /// analysis, which has not run yet when the message is rendered or its webhook fires.</summary>
    public static JsonObject AttachmentPushEventData(FakeAttachment attachment, long accountId) => new()
    {
        ["id"] = attachment.Id,
        ["message_id"] = attachment.MessageId,
        ["file_type"] = attachment.FileType,
        ["account_id"] = accountId,
        ["extension"] = null,
        ["data_url"] = attachment.DataUrl,
        ["thumb_url"] = attachment.FileType == "image" ? attachment.DataUrl : "",
        ["file_size"] = attachment.Length,
        ["width"] = null,
        ["height"] = null,
    };

    /// <summary>Conversation#unread_incoming_messages: incoming messages after the agent last looked (never, here).</summary>
    public static int UnreadCount(FakeChatwootState state, long conversationId) =>
        state.Messaging.IncomingCount(conversationId);

    private static JsonObject ContentAttributes(FakeMessage message)
    {
        var attributes = message.ExternalError is null ? [] : new JsonObject { ["external_error"] = message.ExternalError };
        if (message.IsReply)
        {
            attributes["in_reply_to"] = message.InReplyTo;
            attributes["in_reply_to_external_id"] = message.InReplyToExternalId;
        }

        return attributes;
    }

    private static JsonObject? SenderPushEventData(FakeChatwootState state, FakeMessage message) => message switch
    {
        { SenderType: "User", SenderId: { } userId } => state.Messaging.FindUser(userId) is { } user ? UserJson.PushEventData(user) : null,
        { SenderType: "Contact", SenderId: { } contactId } => state.Messaging.FindContact(message.AccountId, contactId) is { } contact
            ? ContactJson.PushEventData(contact)
            : null,
        _ => null,
    };
}
