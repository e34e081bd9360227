using RyzeApi.Application.Common.Security;

using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;

namespace RyzeApi.Application.Chatwoot;

/// <summary>Creates the Chatwoot inbox and stores the integration that routes to it. If storing fails
/// after the inbox exists, it tries once to delete that inbox so no orphan is left.</summary>
public sealed class ChatwootActivator(
    IChatwootClient chatwoot,
    IChatwootIntegrationRepository integrations,
    ITokenProtector protector,
    IOptions<RyzeApiOptions> options,
    TimeProvider timeProvider,
    ILogger<ChatwootActivator> logger)
{
    /// <summary>The 500 when the database refused or lost the write: a fixed text, never the database's.</summary>
    public const string PersistFailedMessage =
        "chatwoot integration failed: persist integration: the database did not store it; the failure was logged - retry later or contact the operator";

    private static readonly TimeSpan s_cleanupTimeout = TimeSpan.FromSeconds(10);
    /// <summary>The associated data that binds an inbox signing secret to its integration.</summary>
    public static string InboxSecretAssociatedData(string integrationId) => integrationId + "/inbox-secret";

    public async Task<ActivateChatwootResult> ActivateAsync(
        InstanceRecord instance,
        ChatwootActivationFields fields,
        Func<ActivateChatwootResult, IdempotencyCompletion?> completion,
        CancellationToken cancellationToken)
    {
        ChatwootBaseUrl.TryNormalize(fields.ChatwootBaseUrl, out var baseUrl);
        var connection = new ChatwootConnection(baseUrl, fields.ChatwootAccountId!.Value, fields.ChatwootApiToken!);
        var id = BridgeIntegrationId.New();
        var webhookSecret = SecretTokens.New();
        var publicBaseUrl = options.Value.PublicBaseUrl!.TrimEnd('/');
        var webhookUrl = $"{publicBaseUrl}/api/chatwoot/webhook/{id}/{webhookSecret}";

        // Encrypted before Chatwoot is called: a protector failure then leaves nothing behind in Chatwoot.
        var protectedToken = protector.Protect(connection.ApiToken, id);
        ChatwootInbox inbox;
        try
        {
            inbox = await chatwoot.CreateApiInboxAsync(connection, fields.EffectiveInboxName, webhookUrl, cancellationToken);
        }
        catch (UpstreamRejectedException exception) when (exception.UpstreamStatus is >= 200 and < 300)
        {
            // A 2xx whose body is not an inbox (wrong shape, not JSON): Chatwoot may have created it all the same.
            await DeleteUnreadableInboxAsync(connection, webhookUrl);
            throw;
        }

        var integration = new ChatwootIntegration(
            id, instance.Id, baseUrl, connection.AccountId, inbox.Id, inbox.Name, fields.Settings,
            IntegrationStatus.Active, string.Empty, timeProvider.GetUtcNow());
        var result = new ActivateChatwootResult(instance.Name, "active", id, ActivateChatwootResult.ActivatedMessage);

        try
        {
            var row = new NewChatwootIntegration(
                integration,
                protectedToken,
                SecretTokens.Hash(webhookSecret),
                inbox.Secret is { Length: > 0 } secret ? protector.Protect(secret, InboxSecretAssociatedData(id)) : null);
            await integrations.ReplaceAsync(row, completion(result), cancellationToken);
        }
        catch (Exception exception)
        {
            if (await DeleteOrphanInboxAsync(connection, inbox.Id))
            {
                logger.LogWarning("Deleted Chatwoot inbox {InboxId} after the integration could not be stored", inbox.Id);
            }

            if (exception is DatabaseUnavailableException)
            {
                // The database's own text (SQL states, constraint and column names) is for the operator's log only:
                // it travels as the inner exception to the one line that logs the request's outcome.
                throw new PersistenceFailedException(PersistFailedMessage, exception);
            }

            // The activation's own deadline fired while the database was writing: still a local
            // persistence failure (500, docs/api/en/chatwoot-activate.md), not a gateway timeout.
            if (exception is OperationCanceledException)
            {
                throw new PersistenceFailedException(
                    "chatwoot integration failed: persist integration: the database did not answer within the activation timeout", exception);
            }

            throw;
        }

        logger.LogInformation(
            "Chatwoot integration {IntegrationId} activated for instance {Instance} (inbox {InboxId})",
            id, instance.Name, inbox.Id);
        return result;
    }

    /// <summary>Finds the inbox by the webhook URL just sent (unique to this activation: it holds the new
    /// integration's id and secret) and deletes it. Best effort, as <see cref="DeleteOrphanInboxAsync"/>.</summary>
    private async Task DeleteUnreadableInboxAsync(ChatwootConnection connection, string webhookUrl)
    {
        using var cleanup = new CancellationTokenSource(s_cleanupTimeout, timeProvider);
        long? inboxId;
        try
        {
            inboxId = await chatwoot.FindInboxByWebhookUrlAsync(connection, webhookUrl, cleanup.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogWarning(
                "Chatwoot at {BaseUrl} answered the inbox creation with a body that is not an inbox; an inbox it may have created could not be looked up: {Reason}",
                connection.BaseUrl, exception.Message);
            return;
        }

        if (inboxId is null)
        {
            logger.LogInformation(
                "Chatwoot at {BaseUrl} answered the inbox creation with a body that is not an inbox; no inbox was created", connection.BaseUrl);
            return;
        }

        if (await DeleteOrphanInboxAsync(connection, inboxId.Value))
        {
            logger.LogWarning("Deleted Chatwoot inbox {InboxId}: its creation answer was not an inbox", inboxId);
        }
    }

    private async Task<bool> DeleteOrphanInboxAsync(ChatwootConnection connection, long inboxId)
    {
        // Not the request's token: the request may have timed out, and the cleanup must still run.
        using var cleanup = new CancellationTokenSource(s_cleanupTimeout, timeProvider);
        try
        {
            await chatwoot.DeleteInboxAsync(connection, inboxId, cleanup.Token);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(
                "Chatwoot inbox {InboxId} at {BaseUrl} is left orphaned: deleting it failed: {Reason}",
                inboxId, connection.BaseUrl, exception.Message);
            return false;
        }
    }
}
