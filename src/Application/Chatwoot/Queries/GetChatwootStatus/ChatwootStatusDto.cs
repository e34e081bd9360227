namespace RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;

/// <summary>An integration as shown to its owner, the Chatwoot API token decrypted.</summary>
public sealed record ChatwootStatusDto(
    string InstanceName,
    IntegrationStatus Status,
    string BridgeIntegrationId,
    string ChatwootBaseUrl,
    long ChatwootAccountId,
    string ChatwootApiToken,
    long ChatwootInboxId,
    string ChatwootInboxName,
    string LastError,
    DateTimeOffset CreatedAt,
    ChatwootSettings Settings)
{
    public override string ToString() => $"ChatwootStatusDto {{ BridgeIntegrationId = {BridgeIntegrationId}, Status = {Status} }}";
}
