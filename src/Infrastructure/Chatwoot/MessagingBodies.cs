namespace RyzeApi.Infrastructure.Chatwoot;

internal sealed record CreateContactBody(
    [property: JsonPropertyName("inbox_id")] long InboxId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("identifier")] string Identifier,
    [property: JsonPropertyName("phone_number")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PhoneNumber);

internal sealed record CreateContactInboxBody([property: JsonPropertyName("inbox_id")] long InboxId);

internal sealed record CreateConversationBody(
    [property: JsonPropertyName("source_id")] string SourceId,
    [property: JsonPropertyName("inbox_id")] long InboxId,
    [property: JsonPropertyName("contact_id")] long ContactId,
    [property: JsonPropertyName("status")] string Status);

internal sealed record ToggleStatusBody([property: JsonPropertyName("status")] string Status);

internal sealed record CreateMessageBody(
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("message_type")] string MessageType,
    [property: JsonPropertyName("private")] bool Private,
    [property: JsonPropertyName("source_id")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SourceId,
    [property: JsonPropertyName("content_attributes")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReplyAttributes? ContentAttributes = null);

/// <summary>Chatwoot's <c>content_attributes</c> of a reply (Messages::InReplyToMessageBuilder reads both).</summary>
internal sealed record ReplyAttributes(
    [property: JsonPropertyName("in_reply_to_external_id")] string InReplyToExternalId,
    [property: JsonPropertyName("in_reply_to")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? InReplyTo)
{
    public static ReplyAttributes? Of(ChatwootReplyTo? replyTo) => replyTo is null ? null : new(replyTo.ExternalId, replyTo.MessageId);
}

internal sealed record UpdateMessageStatusBody(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("external_error")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ExternalError);
