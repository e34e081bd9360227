using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

/// <summary>A <c>chatwoot_integrations</c> row as Dapper reads it.</summary>
internal sealed class IntegrationRow
{
    public string Id { get; init; } = string.Empty;

    public Guid InstanceId { get; init; }

    public string BaseUrl { get; init; } = string.Empty;

    public long ChatwootAccountId { get; init; }

    public string ApiTokenKeyId { get; init; } = string.Empty;

    public byte[] ApiTokenCiphertext { get; init; } = [];

    public long InboxId { get; init; }

    public string InboxName { get; init; } = string.Empty;

    public bool SignMessages { get; init; }

    public bool IgnoreGroups { get; init; }

    public bool StartAsPending { get; init; }

    public bool ReopenResolved { get; init; }

    public bool MarkReadOnReply { get; init; } = true;

    public string Status { get; init; } = string.Empty;

    public string LastError { get; init; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    /// <summary>Read only by routing's queries, which join the instance.</summary>
    public string InstanceName { get; init; } = string.Empty;

    public bool DeliveriesHalted { get; init; }

    public StoredChatwootIntegration ToStored() => new(
        new ChatwootIntegration(
            Id, InstanceId, BaseUrl, ChatwootAccountId, InboxId, InboxName,
            new ChatwootSettings(SignMessages, IgnoreGroups, StartAsPending, ReopenResolved, MarkReadOnReply),
            IntegrationStatusNames.Parse(Status), LastError,
            Db.Utc(CreatedAt)),
        new ProtectedSecret(ApiTokenKeyId, ApiTokenCiphertext));
}
