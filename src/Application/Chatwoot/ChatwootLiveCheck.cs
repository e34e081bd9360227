namespace RyzeApi.Application.Chatwoot;

/// <summary>Asks Chatwoot for the integration's inbox and records what it learns (inbox gone, token
/// revoked). Best effort: an unreachable Chatwoot or a time-out keeps the stored values and never fails.</summary>
public sealed class ChatwootLiveCheck(
    IChatwootClient chatwoot,
    IChatwootIntegrationRepository integrations,
    IOptions<ChatwootModuleOptions> options,
    TimeProvider timeProvider,
    ILogger<ChatwootLiveCheck> logger)
{
    public async Task<(IntegrationStatus Status, string LastError)> RefreshAsync(
        ChatwootIntegration integration, string apiToken, CancellationToken cancellationToken)
    {
        var (finding, tokenRejected) = await CheckAsync(integration, apiToken, cancellationToken);
        if (finding is null || (integration.Status == IntegrationStatus.Error && integration.LastError == finding))
        {
            return (integration.Status, integration.LastError);
        }

        try
        {
            // A rejected token is what halts deliveries too: the error stays until the integration is activated again,
            // and a delivery succeeding meanwhile cannot clear it.
            if (tokenRejected)
            {
                await integrations.HaltDeliveriesAsync(integration.Id, finding, cancellationToken);
            }
            else
            {
                await integrations.UpdateHealthAsync(integration.Id, IntegrationStatus.Error, finding, cancellationToken);
            }
        }
        catch (DatabaseUnavailableException exception)
        {
            logger.LogWarning("Could not record the live check of {IntegrationId}: {Reason}", integration.Id, exception.Message);
        }

        return (IntegrationStatus.Error, finding);
    }

    /// <returns>A problem that needs the user, or null when nothing new was learnt; whether it is the token rejected.</returns>
    private async Task<(string? Finding, bool TokenRejected)> CheckAsync(ChatwootIntegration integration, string apiToken, CancellationToken cancellationToken)
    {
        var connection = new ChatwootConnection(integration.BaseUrl, integration.AccountId, apiToken);
        using var timer = new CancellationTokenSource(options.Value.InfoCheckTimeout, timeProvider);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await chatwoot.GetInboxAsync(connection, integration.InboxId, timeout.Token);
            return (null, false);
        }
        catch (ApplicationFailure exception) when (exception.FailureKind is FailureKind.UpstreamCredentialsRejected or FailureKind.UpstreamDenied)
        {
            return (exception.Message, exception.FailureKind == FailureKind.UpstreamCredentialsRejected);
        }
        catch (UpstreamRejectedException exception) when (exception.UpstreamStatus == 404)
        {
            return ($"Chatwoot inbox {integration.InboxId} no longer exists in account {integration.AccountId} - activate the integration again to create a new inbox. Detail: {exception.Message}", false);
        }
        catch (Exception exception) when (exception is ApplicationFailure
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogInformation("Live check of {IntegrationId} inconclusive: {Reason}", integration.Id, exception.Message);
            return (null, false);
        }
    }
}
