using RyzeApi.Application.Common;

namespace RyzeApi.Application.Chatwoot.Commands.DeactivateChatwoot;

public sealed class DeactivateChatwootCommandHandler(
    InstanceResolver instances,
    IChatwootIntegrationRepository integrations,
    ITokenProtector protector,
    IChatwootClient chatwoot,
    IOptions<ChatwootModuleOptions> options,
    ILogger<DeactivateChatwootCommandHandler> logger)
    : ICommandHandler<DeactivateChatwootCommand>
{
    public async ValueTask<Unit> Handle(DeactivateChatwootCommand command, CancellationToken cancellationToken)
    {
        var instance = await instances.ResolveAsync(command.Caller, command.Instance, "instance not found", cancellationToken);
        var stored = await integrations.FindByInstanceAsync(instance.Id, cancellationToken)
            ?? throw new NotFoundException("no chatwoot integration to delete");

        // Deleting the row stops routing at once: the webhook secret's hash goes with it.
        if (!await integrations.DeleteByInstanceAsync(instance.Id, cancellationToken))
        {
            throw new NotFoundException("no chatwoot integration to delete");
        }

        var integration = stored.Integration;
        string apiToken;
        try
        {
            apiToken = protector.Unprotect(stored.ApiToken, integration.Id);
        }
        catch (SecretUnreadableException exception)
        {
            // The integration is gone either way; only the courtesy call to Chatwoot is impossible.
            logger.LogWarning(
                "Deactivated {IntegrationId}; the webhook URL of Chatwoot inbox {InboxId} was not cleared: {Reason}",
                integration.Id, integration.InboxId, exception.Message);
            return Unit.Value;
        }

        var connection = new ChatwootConnection(integration.BaseUrl, integration.AccountId, apiToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.WebhookClearTimeout);
        try
        {
            await chatwoot.SetInboxWebhookAsync(connection, integration.InboxId, string.Empty, timeout.Token);
        }
        catch (Exception exception) when (exception is ApplicationFailure or OperationCanceledException)
        {
            // Any known failure of the courtesy call, or its time limit: the integration is gone all the same.
            logger.LogWarning(
                "Deactivated {IntegrationId}, but clearing the webhook URL of Chatwoot inbox {InboxId} failed: {Reason}",
                integration.Id, integration.InboxId, exception.Message);
        }

        return Unit.Value;
    }
}
