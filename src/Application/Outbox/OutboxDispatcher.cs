using RyzeApi.Application.Common.Telemetry;
using RyzeApi.Application.Routing.Delivery;

namespace RyzeApi.Application.Outbox;

/// <summary>Delivers a claimed batch: the lanes of all its integrations in parallel, each lane's items strictly in order
/// (a failed item stops its lane until its retry). Each item goes to the handler its kind names.</summary>
public sealed class OutboxDispatcher(
    IOutboxStore outbox,
    IntegrationBatches integrations,
    DeliveryKinds kinds,
    OutcomeRecorder recorder,
    IInstanceSessions sessions,
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
        var leases = new LeaseKeeper(outbox, items, _options.LeaseDuration, timeProvider, logger);
        using var batchDone = new CancellationTokenSource();
        var heartbeat = leases.KeepAliveAsync(batchDone.Token);
        try
        {
            var opened = await OpenAsync(items, leases, cancellationToken);
            // Lanes of every integration share one pool of Parallelism: a batch spread over many integrations goes as
            // fast as one of a single integration, instead of one integration after the other.
            var lanes = opened
                .SelectMany(o => o.Items.GroupBy(i => i.Lane).Select(g => (Open: o, Items: g.OrderBy(i => i.Id).ToList())))
                .ToList();
            await Parallel.ForEachAsync(
                lanes,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism), CancellationToken = CancellationToken.None },
                async (lane, _) => await DeliverLaneAsync(
                    lane.Open.Context, lane.Items, lane.Open.Health, lane.Open.Session, leases, claimed, cancellationToken));
            foreach (var open in opened)
            {
                await ReportSessionAsync(open.IntegrationId, open.Session);
                await integrations.CloseAsync(open.IntegrationId, open.Health);
            }
        }
        finally
        {
            await batchDone.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>Reads each integration of the batch once. Items of one gone meanwhile are dropped (its rows went with
    /// it); those of one that cannot deliver now (halted) are given back at once.</summary>
    private async Task<List<OpenIntegration>> OpenAsync(IReadOnlyList<OutboxItem> items, LeaseKeeper leases, CancellationToken cancellationToken)
    {
        var opened = new List<OpenIntegration>();
        foreach (var group in items.GroupBy(i => i.IntegrationId))
        {
            if (await integrations.OpenAsync(group.Key, cancellationToken) is not { } batch)
            {
                continue;
            }

            if (batch.Context is { } context)
            {
                opened.Add(new OpenIntegration(group.Key, context, batch.Health, new SessionWatch(), [.. group]));
                continue;
            }

            await recorder.ReleaseAllAsync([.. group], leases);
            await integrations.CloseAsync(group.Key, batch.Health);
        }

        return opened;
    }

    private sealed record OpenIntegration(
        string IntegrationId, DeliveryContext Context, IntegrationHealth Health, SessionWatch Session, List<OutboxItem> Items);

    private async Task DeliverLaneAsync(
        DeliveryContext context, List<OutboxItem> lane, IntegrationHealth health, SessionWatch session, LeaseKeeper leases, long claimed,
        CancellationToken cancellationToken)
    {
        for (var index = 0; index < lane.Count; index++)
        {
            var item = lane[index];
            if (health.Halted || cancellationToken.IsCancellationRequested)
            {
                await recorder.ReleaseAllAsync(lane.Skip(index), leases);
                return;
            }

            if (!await leases.HoldsAsync(item, cancellationToken))
            {
                // The lease ran out and the lane may be another worker's now: delivering would repeat its work.
                logger.LogWarning(
                    "Outbox item {ItemId} and {Later} later items of its lane are left to their new holder: the lease expired", item.Id, lane.Count - index - 1);
                foreach (var rest in lane.Skip(index))
                {
                    leases.Finished(rest);
                }

                return;
            }

            // What the claim read of the chat holds for a WhatsApp chat's first item only (later ones follow what it did),
            // and only while fresh: a lane that waited its turn reads the chat again, in case an agent resolved it. Agent
            // replies, typing and read marks only read where to send (the person's phone JID once known), which they never
            // change: every item of such a lane keeps it.
            var useClaimedChat = item.Lane.Kind is not LaneKind.WhatsAppChat
                || (index == 0 && timeProvider.GetElapsedTime(claimed) < s_claimedChatFreshFor);
            var keepGoing = await DeliverAsync(context, item, useClaimedChat, health, session, cancellationToken);
            leases.Finished(item);
            if (!keepGoing)
            {
                // Later items of this lane wait for this one: release them untouched, order is kept.
                await recorder.ReleaseAllAsync(lane.Skip(index + 1), leases);
                return;
            }
        }
    }

    /// <summary>One attempt at <paramref name="item"/>, under its own span (current while its handler runs, so its calls
    /// and log lines carry its trace), ended once the outcome is recorded.</summary>
    /// <returns>Whether the next item of the same lane may go now.</returns>
    private async Task<bool> DeliverAsync(
        DeliveryContext context, OutboxItem item, bool useClaimedChat, IntegrationHealth health, SessionWatch session,
        CancellationToken cancellationToken)
    {
        var span = DeliveryActivities.StartDelivery(item);
        var kind = kinds.Find(item.Kind);
        var outcome = await AttemptAsync(kind, context, useClaimedChat ? item : item with { Chat = null }, cancellationToken);
        var maxAttempts = kind?.MaxAttempts(_options.MaxAttempts) ?? _options.MaxAttempts;
        var givenUp = item.Attempts >= maxAttempts ? $"delivery given up after {item.Attempts} attempts: {outcome.Describe()}" : null;
        health.Record(outcome, outcome is DeliveryOutcome.Transient or DeliveryOutcome.Wait ? givenUp : null);
        session.Saw(outcome);
        try
        {
            return await recorder.RecordAsync(item, outcome, givenUp, kind);
        }
        finally
        {
            DeliveryActivities.Finish(span, outcome, givenUp);
        }
    }

    // What a failure a handler let through means for the row (docs/adr/0023-one-failure-model.md); any other kind
    // here is unexpected, logged as a fault and tried again later.
    private static DeliveryOutcome? OutcomeOf(ApplicationFailure failure) => failure.FailureKind switch
    {
        FailureKind.UpstreamCredentialsRejected or FailureKind.UpstreamDenied => new DeliveryOutcome.Halt(failure.Message),
        // Chatwoot throttling (429) or timing out (408) is classified as a rejected request, but passes.
        FailureKind.UpstreamRejected when failure is UpstreamRejectedException { UpstreamStatus: 429 or 408 } => new DeliveryOutcome.Transient(failure.Message),
        FailureKind.UpstreamRejected => new DeliveryOutcome.Permanent(failure.Message, null),
        FailureKind.UpstreamUnavailable or FailureKind.EngineUnavailable => new DeliveryOutcome.Transient(failure.Message),
        // The session is down, not the message wrong nor the engine failing: wait for it (docs/adr/0029-replies-wait-for-the-whatsapp-session.md).
        FailureKind.EngineNotConnected => new DeliveryOutcome.Wait("the WhatsApp session is not connected: " + failure.Message, ForSession: true),
        _ => null,
    };

    /// <summary>A send of this batch found the WhatsApp session down: recorded once per batch, not per item.</summary>
    private async Task ReportSessionAsync(string integrationId, SessionWatch session)
    {
        if (!session.Down)
        {
            return;
        }

        try
        {
            await sessions.SendFoundNotConnectedAsync(integrationId, CancellationToken.None);
        }
        catch (DatabaseUnavailableException exception)
        {
            logger.LogWarning("Could not record that the WhatsApp session of {IntegrationId} is down: {Reason}", integrationId, exception.Message);
        }
    }

    private async Task<DeliveryOutcome> AttemptAsync(DeliveryKind? kind, DeliveryContext context, OutboxItem item, CancellationToken cancellationToken)
    {
        if (kind is null)
        {
            return new DeliveryOutcome.Permanent($"unknown kind of work {item.Kind}", null);
        }

        try
        {
            return await kind.AttemptAsync(context, item, cancellationToken);
        }
        catch (ApplicationFailure failure) when (OutcomeOf(failure) is { } outcome)
        {
            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome.Interrupted();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, "Outbox item {ItemId} ({Kind}) failed unexpectedly", item.Id, item.Kind);
            return new DeliveryOutcome.Wait($"internal error ({exception.GetType().Name})");
        }
    }
}
