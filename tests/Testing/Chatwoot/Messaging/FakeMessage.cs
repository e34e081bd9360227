namespace RyzeApi.Testing.Chatwoot;

/// <summary>A message as the fake stores it. <see cref="MessageType"/> is the word (<c>incoming</c>,
/// <c>outgoing</c>…) webhooks use; the REST API renders <see cref="MessageTypeCode"/>. <see cref="Status"/> is
/// <c>sent</c>, <c>delivered</c>, <c>read</c> or <c>failed</c>; <see cref="ExternalError"/> is kept only while
/// failed. <see cref="SenderType"/> is <c>User</c> or <c>Contact</c>.</summary>
public sealed record FakeMessage(
    long Id,
    long AccountId,
    long InboxId,
    long ConversationId,
    string? Content,
    string MessageType,
    bool Private,
    string? SourceId,
    string Status,
    string? ExternalError,
    IReadOnlyList<FakeAttachment> Attachments,
    string? SenderType,
    long? SenderId,
    DateTimeOffset CreatedAt)
{
    /// <summary>Chatwoot's <c>message_type</c> enum, in the order of its integer values.</summary>
    public static readonly IReadOnlyList<string> MessageTypes = ["incoming", "outgoing", "activity", "template"];

    /// <summary>Chatwoot's message <c>status</c> enum.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["sent", "delivered", "read", "failed"];

    /// <summary>Whether the message was created replying to another: its <c>content_attributes</c> then hold
    /// <see cref="InReplyTo"/> and <see cref="InReplyToExternalId"/>, as Messages::InReplyToMessageBuilder left them
    /// (the replied-to message's id and source id, found in the same conversation; both null when it was not).</summary>
    public bool IsReply { get; init; }

    public long? InReplyTo { get; init; }

    public string? InReplyToExternalId { get; init; }

    /// <summary>The integer the REST API renders for <see cref="MessageType"/> (0 incoming, 1 outgoing).</summary>
    public int MessageTypeCode => MessageType switch { "incoming" => 0, "outgoing" => 1, "activity" => 2, "template" => 3, _ => -1 };
}
