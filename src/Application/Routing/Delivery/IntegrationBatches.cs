using RyzeApi.Application.Outbox;

namespace RyzeApi.Application.Routing.Delivery;

/// <summary>One integration's share of a claimed batch: read once, its token decrypted once, its health folded
/// from every outcome and saved once at the end.</summary>
public sealed class IntegrationBatches(IRoutingIntegrations integrations, ITokenProtector protector, ILogger<IntegrationBatches> logger)
{
    /// <returns>Null when the integration is gone (its rows went with it). A batch without a
    /// <see cref="IntegrationBatch.Context"/> delivers nothing: its items are given back.</returns>
    public async Task<IntegrationBatch?> OpenAsync(string integrationId, CancellationToken cancellationToken)
    {
        var target = await integrations.FindDeliveryTargetAsync(integrationId, cancellationToken);
        if (target is null)
        {
            return null;
        }

        var health = new IntegrationHealth(target.Integration.Status, target.Integration.LastError);
        if (target.Halted)
        {
            return new IntegrationBatch(null, health);
        }

        try
        {
            var token = protector.Unprotect(target.ApiToken, integrationId);
            var chatwoot = new ChatwootConnection(target.Integration.BaseUrl, target.Integration.AccountId, token);
            return new IntegrationBatch(new DeliveryContext(target.Integration, target.InstanceName, chatwoot), health);
        }
        catch (SecretUnreadableException exception)
        {
            health.Record(new DeliveryOutcome.Halt("the stored Chatwoot token cannot be decrypted - activate the integration again: " + exception.Message), null);
            return new IntegrationBatch(null, health);
        }
    }

    /// <summary>Saves the health the batch's outcomes add up to, when it changed.</summary>
    public async Task CloseAsync(string integrationId, IntegrationHealth health)
    {
        if (health.Change() is { } change)
        {
            try
            {
                await integrations.SetHealthAsync(integrationId, change.Status, change.LastError, change.Halt, CancellationToken.None);
            }
            catch (DatabaseUnavailableException exception)
            {
                logger.LogWarning("Could not record the health of {IntegrationId}: {Reason}", integrationId, exception.Message);
            }
        }
    }
}

/// <summary>An integration ready to deliver for (<see cref="Context"/> null: halted, nothing goes), and its health.</summary>
public sealed record IntegrationBatch(DeliveryContext? Context, IntegrationHealth Health);
