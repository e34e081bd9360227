using RyzeApi.Application.Routing.Model;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Application.Common.Abstractions;

/// <summary>The integration as routing needs it: credentials to verify webhooks, the target of
/// deliveries, and the health it reports.</summary>
public interface IRoutingIntegrations
{
    Task<WebhookCredentials?> FindWebhookCredentialsAsync(string integrationId, CancellationToken cancellationToken);

    Task<DeliveryTarget?> FindDeliveryTargetAsync(string integrationId, CancellationToken cancellationToken);

    /// <summary>Sets status and last error; <paramref name="halt"/> true also stops its deliveries.</summary>
    Task SetHealthAsync(string integrationId, IntegrationStatus status, string lastError, bool halt, CancellationToken cancellationToken);
}

/// <summary>What verifies a Chatwoot webhook call: the URL secret's hash and, from Chatwoot 4.13, the inbox signing secret.</summary>
public sealed record WebhookCredentials(string IntegrationId, Guid InstanceId, byte[] WebhookSecretHash, ProtectedSecret? InboxSecret);

/// <summary>An integration with its instance name and encrypted token, for a worker.</summary>
public sealed record DeliveryTarget(ChatwootIntegration Integration, string InstanceName, ProtectedSecret ApiToken, bool Halted);
