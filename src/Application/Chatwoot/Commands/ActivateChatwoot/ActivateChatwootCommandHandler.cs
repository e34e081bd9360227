using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RyzeApi.Application.Common;

namespace RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;

public sealed class ActivateChatwootCommandHandler(
    InstanceResolver instances,
    ChatwootActivator activator,
    IIdempotencyStore idempotency,
    IChatwootIntegrationRepository integrations,
    IChatwootModuleStatus module)
    : ICommandHandler<ActivateChatwootCommand, ActivateChatwootResult>
{
    public const string ReplacedSinceMessage =
        "the integration activated with this Idempotency-Key was deactivated or replaced since - send a new Idempotency-Key to activate again";
    public async ValueTask<ActivateChatwootResult> Handle(ActivateChatwootCommand command, CancellationToken cancellationToken)
    {
        // The HTTP gate answers 503 first for /api/chatwoot/*; this also covers inline activation.
        if (!module.IsConfigured)
        {
            throw new ModuleNotConfiguredException();
        }

        var instance = await instances.ResolveAsync(command.Caller, command.Instance, "instance not found", cancellationToken);
        if (command.IdempotencyKey is null)
        {
            return await activator.ActivateAsync(instance, command.Fields, _ => null, cancellationToken);
        }

        var key = new IdempotencyKey(
            command.Caller.AccountId, "chatwoot.activate/" + instance.Name, command.IdempotencyKey, Fingerprint(command.Fields));
        var claim = await idempotency.ClaimAsync(key, cancellationToken);
        switch (claim.Outcome)
        {
            case IdempotencyClaimOutcome.Replay:
                return await ReplayAsync(instance.Id, claim.StoredResponse!, cancellationToken);
            case IdempotencyClaimOutcome.Mismatch:
                throw new ConflictException("Idempotency-Key was already used with a different request body - use a new key for a new request");
            case IdempotencyClaimOutcome.InProgress:
                throw new ConflictException("a request with this Idempotency-Key is still in progress - retry later");
        }

        try
        {
            return await activator.ActivateAsync(
                instance, command.Fields, r => new IdempotencyCompletion(key, JsonSerializer.Serialize(r)), cancellationToken);
        }
        catch
        {
            // A failed activation created nothing, so the client may retry with the same key.
            await idempotency.ReleaseAsync(key, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The first answer again, but only while the integration it announced is still the instance's:
    /// after a deactivation or another activation, a 201 would claim an integration that no longer routes.</summary>
    private async Task<ActivateChatwootResult> ReplayAsync(Guid instanceId, string storedResponse, CancellationToken cancellationToken)
    {
        var first = JsonSerializer.Deserialize<ActivateChatwootResult>(storedResponse)!;
        var current = await integrations.FindByInstanceAsync(instanceId, cancellationToken);
        return current?.Integration.Id == first.BridgeIntegrationId
            ? first
            : throw new ConflictException(ReplacedSinceMessage);
    }

    /// <summary>A hash of the normalised body, so "the same body" survives key order and whitespace.</summary>
    /// <remarks><c>markReadOnReply</c> counts only when off (its default is on), so a key stored before the setting existed
    /// still matches the same body sent again.</remarks>
    internal static byte[] Fingerprint(ChatwootActivationFields fields)
    {
        object?[] values =
        [
            fields.ChatwootBaseUrl?.TrimEnd('/'), fields.ChatwootAccountId, fields.ChatwootApiToken, fields.EffectiveInboxName,
            fields.Settings.SignMessages, fields.Settings.IgnoreGroups, fields.Settings.StartAsPending, fields.Settings.ReopenResolved,
        ];
        var canonical = JsonSerializer.Serialize(fields.Settings.MarkReadOnReply ? values : [.. values, false]);
        return SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
    }
}
