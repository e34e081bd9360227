namespace RyzeApi.Testing.Chatwoot;

/// <summary>A conversation as the fake stores it. <see cref="Id"/> is the <c>display_id</c> every API route and
/// payload uses. <see cref="Status"/> is <c>open</c>, <c>resolved</c>, <c>pending</c> or <c>snoozed</c>;
/// <see cref="PreviousStatus"/> is the one before the last change (null until it changes).</summary>
public sealed record FakeConversation(
    long Id,
    long AccountId,
    long InboxId,
    long ContactId,
    long ContactInboxId,
    string SourceId,
    string Status,
    string? PreviousStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt);
