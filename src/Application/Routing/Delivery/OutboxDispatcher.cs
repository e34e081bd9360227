using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;
using RyzeApi.Application.Common.Options;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Delivery;

/// <summary>Delivers a claimed batch: per integration, its chats in parallel, each chat's items strictly
/// in order (a failed item stops its chat until its retry). Records every outcome in the outbox and the
/// integration's health once per batch.</summary>
public sealed class OutboxDispatcher(
    IOutbox outbox,
    IRoutingIntegrations integrations,
    ITokenProtector protector,
    WhatsAppToChatwoot toChatwoot,
    AgentReplyToWhatsApp toWhatsApp,
    StatusToChatwoot statuses,
    RetrySchedule schedule,
    IOptions<RoutingOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxDispatcher> logger)
{
    private readonly RoutingOptions _options = options.Value;
    /// <summary>How long the chat read with a claim is used instead of reading it again.</summary>
    private static readonly TimeSpan s_claimedChatFreshFor = TimeSpan.FromSeconds(1);

    /// <param name="items">Just claimed, with a lease of <see cref="RoutingOptions.LeaseDuration"/>.</param>
    public async Task DispatchAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        var claimed = timeProvider.GetTimestamp();
        await using var leases = new LeaseKeeper(outbox, items, _options.LeaseDuration, timeProvider, logger);
        foreach (var group in items.GroupBy(i => i.IntegrationId))
        {
            await DispatchIntegrationAsync(group.Key, [.. group], leases, claimed, cancellationToken);
        }
    }

    private async Task DispatchIntegrationAsync(
        string integrationId, List<OutboxItem> items, LeaseKeeper leases, long claimed, CancellationToken cancellationToken)
    {
        var target = await integrations.FindDeliveryTargetAsync(integrationId, cancellationToken);
        if (target is null)
        {
            return; // deactivated meanwhile: its rows went with it
        }

        var health = new IntegrationHealth(target.Integration.Status, target.Integration.LastError);
        if (target.Halted)
        {
            await ReleaseAllAsync(items, leases);
            return;
        }

        DeliveryContext context;
        try
        {
            var token = protector.Unprotect(target.ApiToken, integrationId);
            context = new DeliveryContext(target.Integration, target.InstanceName,
                new ChatwootConnection(target.Integration.BaseUrl, target.Integration.AccountId, token));
        }
        catch (SecretUnreadableException exception)
        {
            health.Record(new DeliveryOutcome.Halt("the stored Chatwoot token cannot be decrypted - activate the integration again: " + exception.Message), null);
            await ReleaseAllAsync(items, leases);
            await SaveHealthAsync(integrationId, health);
            return;
        }

        var lanes = items.GroupBy(i => i.ChatKey).Select(g => g.OrderBy(i => i.Id).ToList()).ToList();
        await Parallel.ForEachAsync(
            lanes,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism), CancellationToken = CancellationToken.None },
            async (lane, _) => await DeliverLaneAsync(context, lane, health, leases, claimed, cancellationToken));
        await SaveHealthAsync(integrationId, health);
    }

    private async Task DeliverLaneAsync(
        DeliveryContext context, List<OutboxItem> lane, IntegrationHealth health, LeaseKeeper leases, long claimed, CancellationToken cancellationToken)
    {
        for (var index = 0; index < lane.Count; index++)
        {
            var item = lane[index];
            if (health.Halted || cancellationToken.IsCancellationRequested)
            {
                await ReleaseAllAsync(lane.Skip(index), leases);
                return;
            }

            if (!await leases.HoldsAsync(item, cancellationToken))
            {
                // The lease ran out and the chat may be another worker's now: delivering would repeat its work.
                logger.LogWarning(
                    "Outbox item {ItemId} and {Later} later items of its chat are left to their new holder: the lease expired", item.Id, lane.Count - index - 1);
                foreach (var rest in lane.Skip(index))
                {
                    leases.Finished(rest);
                }

                return;
            }

            // What the claim read of the chat holds for the lane's first item only (later ones follow what it did),
            // and only while fresh: a lane that waited its turn reads the chat again, in case an agent resolved it.
            var useClaimedChat = index == 0 && timeProvider.GetElapsedTime(claimed) < s_claimedChatFreshFor;
            var outcome = await AttemptAsync(context, useClaimedChat ? item : item with { Chat = null }, cancellationToken);
            var givenUp = item.Attempts >= MaxAttemptsFor(item) ? $"delivery given up after {item.Attempts} attempts: {Describe(outcome)}" : null;
            health.Record(outcome, outcome is DeliveryOutcome.Transient or DeliveryOutcome.Wait ? givenUp : null);
            var keepGoing = await RecordAsync(item, outcome, givenUp);
            leases.Finished(item);
            if (!keepGoing)
            {
                // Later items of this chat wait for this one: release them untouched, order is kept.
                await ReleaseAllAsync(lane.Skip(index + 1), leases);
                return;
            }
        }
    }

    private int MaxAttemptsFor(OutboxItem item) =>
        item.Kind == OutboxKind.MessageStatus ? Math.Min(schedule.MaxAttempts, StatusToChatwoot.AttemptsForUnknownMessage + 2) : schedule.MaxAttempts;

    private async Task<DeliveryOutcome> AttemptAsync(DeliveryContext context, OutboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            return item.Kind switch
            {
                OutboxKind.WhatsAppMessage => await toChatwoot.DeliverAsync(
                    context, Read<WhatsAppMessage>(item), mayHaveLanded: item.Attempts > 1, item.Chat, cancellationToken),
                OutboxKind.AgentReply => await toWhatsApp.DeliverAsync(context, Read<AgentReply>(item), cancellationToken),
                OutboxKind.MessageStatus => await statuses.DeliverAsync(context, Read<MessageStatusChange>(item), item.Attempts, cancellationToken),
                _ => new DeliveryOutcome.Permanent($"unknown kind of work {item.Kind}", null),
            };
        }
        catch (UpstreamRejectedException exception) when (exception.Kind is UpstreamFailureKind.CredentialsRejected or UpstreamFailureKind.AccessDenied)
        {
            return new DeliveryOutcome.Halt(exception.Message);
        }
        catch (UpstreamRejectedException exception) when (exception.UpstreamStatus is 429 or 408)
        {
            return new DeliveryOutcome.Transient(exception.Message);
        }
        catch (UpstreamRejectedException exception)
        {
            return new DeliveryOutcome.Permanent(exception.Message, null);
        }
        catch (Exception exception) when (exception is UpstreamUnavailableException or EngineUnavailableException)
        {
            return new DeliveryOutcome.Transient(exception.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome.Wait("the process is stopping");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Outbox item {ItemId} ({Kind}) failed unexpectedly", item.Id, item.Kind);
            return new DeliveryOutcome.Wait($"internal error ({exception.GetType().Name})");
        }
    }

    /// <returns>Whether the next item of the same chat may go now.</returns>
    private async Task<bool> RecordAsync(OutboxItem item, DeliveryOutcome outcome, string? givenUp)
    {
        // Not the worker's token: an outcome reached must be recorded even while the process stops.
        var none = CancellationToken.None;
        switch (outcome)
        {
            case DeliveryOutcome.Delivered delivered:
                await outbox.CompleteAsync(item, delivered.Link, delivered.FollowUp, none);
                return true;
            case DeliveryOutcome.Skipped:
                await outbox.CompleteAsync(item, null, null, none);
                return true;
            case DeliveryOutcome.Permanent permanent:
                await outbox.FailAsync(item, permanent.Error, permanent.FollowUp, none);
                logger.LogWarning("Outbox item {ItemId} ({Kind}) failed: {Reason}", item.Id, item.Kind, permanent.Error);
                return true;
            case DeliveryOutcome.Halt:
                await outbox.ReleaseAsync(item, none);
                return false;
            case DeliveryOutcome.Wait { Reason: "the process is stopping" }:
                await outbox.ReleaseAsync(item, none);
                return false;
            default:
                var error = Describe(outcome);
                if (givenUp is not null)
                {
                    await outbox.FailAsync(item, givenUp, GivenUpTick(item), none);
                    logger.LogWarning("Outbox item {ItemId} ({Kind}) given up: {Reason}", item.Id, item.Kind, error);
                    return true;
                }

                await outbox.RetryAsync(item, timeProvider.GetUtcNow() + schedule.DelayAfter(item.Attempts), error, none);
                return false;
        }
    }

    // An agent's reply given up is marked failed in Chatwoot too; a payload that cannot be read (the reason it was
    // given up, perhaps) names no Chatwoot message, and must not stop the row from being marked failed.
    private static NewOutboxItem? GivenUpTick(OutboxItem item)
    {
        if (item.Kind != OutboxKind.AgentReply)
        {
            return null;
        }

        try
        {
            return AgentReplyToWhatsApp.GivenUpTick(item.IntegrationId, Read<AgentReply>(item), item.Attempts);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    private static string Describe(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Transient t => t.Error,
        DeliveryOutcome.Wait w => w.Reason,
        DeliveryOutcome.Permanent p => p.Error,
        DeliveryOutcome.Halt h => h.Error,
        DeliveryOutcome.Skipped s => s.Reason,
        _ => "delivered",
    };

    private async Task ReleaseAllAsync(IEnumerable<OutboxItem> items, LeaseKeeper leases)
    {
        foreach (var item in items)
        {
            await outbox.ReleaseAsync(item, CancellationToken.None);
            leases.Finished(item);
        }
    }

    private async Task SaveHealthAsync(string integrationId, IntegrationHealth health)
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

    private static T Read<T>(OutboxItem item) =>
        JsonSerializer.Deserialize<T>(item.Payload) ?? throw new InvalidOperationException($"outbox item {item.Id} has an empty payload");
}
