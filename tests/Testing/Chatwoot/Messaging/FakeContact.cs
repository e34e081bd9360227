namespace RyzeApi.Testing.Chatwoot;

/// <summary>A contact as the fake stores it (Chatwoot's <c>contacts</c> row). Immutable: an update stores a new value.</summary>
public sealed record FakeContact(
    long Id,
    long AccountId,
    string? Name,
    string? Identifier,
    string? PhoneNumber,
    string? Email,
    DateTimeOffset CreatedAt)
{
    /// <summary>The last <c>avatar_url</c> given in a create or update (Chatwoot downloads it into the avatar).</summary>
    public string? AvatarUrl { get; init; }
}
