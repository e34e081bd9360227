using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Common.Abstractions;

/// <summary>The integration as routing needs it: credentials to verify webhooks, the target of
/// deliveries, and the health it reports.</summary>
public interface IRoutingIntegrations
{
    /// <summary>What a call to the integration's webhook needs, in one round trip: its credentials and, for the
    /// Chatwoot message and conversation the (not yet verified) body names, the message's link direction and the
    /// chat whose conversation it is. Null when the integration does not exist.</summary>
    Task<WebhookLookup?> FindWebhookAsync(string integrationId, long? chatwootMessageId, long? conversationId, CancellationToken cancellationToken);

    /// <summary>The instance an engine event names, with its integration's id and group setting (null id: no
    /// integration), in one round trip. Null when no instance has that name.</summary>
    Task<EngineEventTarget?> FindEngineEventTargetAsync(string instanceName, CancellationToken cancellationToken);

    Task<DeliveryTarget?> FindDeliveryTargetAsync(string integrationId, CancellationToken cancellationToken);

    /// <summary>Sets status and last error; <paramref name="halt"/> true also stops its deliveries.</summary>
    Task SetHealthAsync(string integrationId, IntegrationStatus status, string lastError, bool halt, CancellationToken cancellationToken);
}

/// <summary>What verifies a Chatwoot webhook call: the URL secret's hash and, from Chatwoot 4.13, the inbox signing secret.</summary>
public sealed record WebhookCredentials(string IntegrationId, Guid InstanceId, byte[] WebhookSecretHash, ProtectedSecret? InboxSecret);

/// <summary>An integration's webhook credentials with what it knows of one Chatwoot message and conversation.</summary>
/// <param name="LinkDirection"><see cref="MessageDirection.ToChatwoot"/> (RyzeApi created the message),
/// <see cref="MessageDirection.ToWhatsApp"/> (RyzeApi already sent it) or null (no link).</param>
/// <param name="Chat">The chat whose conversation it is: the only way an agent reply finds its WhatsApp chat.</param>
public sealed record WebhookLookup(WebhookCredentials Credentials, MessageDirection? LinkDirection, RoutedChat? Chat);

/// <summary>Where an engine event goes: the instance, and its integration when it has one.</summary>
public sealed record EngineEventTarget(InstanceRecord Instance, string? IntegrationId, bool IgnoreGroups);

/// <summary>An integration with its instance name and encrypted token, for a worker.</summary>
public sealed record DeliveryTarget(ChatwootIntegration Integration, string InstanceName, ProtectedSecret ApiToken, bool Halted);
