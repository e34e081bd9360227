namespace RyzeApi.Domain.Chatwoot;

/// <summary>One instance's link to a Chatwoot inbox. Secrets are not part of it: they are kept
/// encrypted or hashed by the persistence layer.</summary>
public sealed record ChatwootIntegration(
    string Id,
    Guid InstanceId,
    string BaseUrl,
    long AccountId,
    long InboxId,
    string InboxName,
    ChatwootSettings Settings,
    IntegrationStatus Status,
    string LastError,
    DateTimeOffset CreatedAt);
