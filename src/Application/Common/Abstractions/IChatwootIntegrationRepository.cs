namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Chatwoot integrations, one per instance at most.</summary>
public interface IChatwootIntegrationRepository
{
    Task<StoredChatwootIntegration?> FindByInstanceAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="integration"/> as the instance's only integration, replacing any
    /// older one, and completes <paramref name="idempotency"/> in the same transaction.</summary>
    Task ReplaceAsync(
        NewChatwootIntegration integration, IdempotencyCompletion? idempotency, CancellationToken cancellationToken);

    Task<bool> DeleteByInstanceAsync(Guid instanceId, CancellationToken cancellationToken);

    Task UpdateHealthAsync(string integrationId, IntegrationStatus status, string lastError, CancellationToken cancellationToken);

    /// <summary>Chatwoot rejected the token: <c>error</c> with <paramref name="lastError"/>, and no delivery goes until
    /// the integration is activated again.</summary>
    Task HaltDeliveriesAsync(string integrationId, string lastError, CancellationToken cancellationToken);
}
