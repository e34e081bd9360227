using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;

/// <summary>An integration as shown to its owner, the Chatwoot API token decrypted, with its instance's WhatsApp
/// session (<see cref="WhatsApp"/>, null until the engine reported one) and its deliveries' backlog (<see cref="Deliveries"/>).</summary>
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
    ChatwootSettings Settings,
    WhatsAppSession? WhatsApp = null,
    DeliveryCounts? Deliveries = null)
{
    public override string ToString() => $"ChatwootStatusDto {{ BridgeIntegrationId = {BridgeIntegrationId}, Status = {Status} }}";
}
