namespace RyzeApi.Testing.Chatwoot;

/// <summary>A contact's session in an inbox (Chatwoot's <c>contact_inboxes</c> row): what <c>source_id</c> names.</summary>
public sealed record FakeContactInbox(
    long Id,
    long ContactId,
    long InboxId,
    string SourceId,
    ContactInboxOrigin Origin,
    DateTimeOffset CreatedAt)
{
    /// <summary>Made by <c>POST /conversations</c> without a <c>source_id</c>: the extra contact inbox a client should never cause.</summary>
    public bool IsOrphan => Origin == ContactInboxOrigin.ConversationWithoutSourceId;
}
