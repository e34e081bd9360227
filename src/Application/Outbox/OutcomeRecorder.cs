using RyzeApi.Application.Common.Telemetry;

namespace RyzeApi.Application.Outbox;

/// <summary>Records what an attempt came to: done (with its link and follow-up), failed, retried later with
/// backoff, or given back untouched. Each outcome recorded is counted (<see cref="RyzeApiMetrics"/>) once its write
/// succeeded; a release (halt, process stopping) is not an outcome and is not counted.</summary>
public sealed class OutcomeRecorder(
    IOutboxStore outbox, RetrySchedule schedule, TimeProvider timeProvider, RyzeApiMetrics metrics, ILogger<OutcomeRecorder> logger)
{
    /// <param name="givenUp">Set when this was the item's last attempt: a retry becomes a failure with this reason.</param>
    /// <returns>Whether the next item of the same lane may go now.</returns>
    public async Task<bool> RecordAsync(OutboxItem item, DeliveryOutcome outcome, string? givenUp, DeliveryKind? kind)
    {
        // Not the worker's token: an outcome reached must be recorded even while the process stops.
        var none = CancellationToken.None;
        switch (outcome)
        {
            case DeliveryOutcome.Delivered delivered:
                await outbox.CompleteAsync(item, delivered.Link, delivered.FollowUp, none);
                metrics.DeliveryEnded(item.Kind, DeliveryOutcomes.Delivered);
                return true;
            case DeliveryOutcome.Skipped:
                await outbox.CompleteAsync(item, null, null, none);
                metrics.DeliveryEnded(item.Kind, DeliveryOutcomes.Skipped);
                return true;
            case DeliveryOutcome.Permanent permanent:
                await (permanent.MayHaveArrived
                    ? outbox.FailUnconfirmedAsync(item, permanent.Error, none)
                    : outbox.FailAsync(item, permanent.Error, permanent.FollowUp, none));
                metrics.DeliveryEnded(item.Kind, DeliveryOutcomes.Failed);
                logger.LogWarning("Outbox item {ItemId} ({Kind}) failed: {Reason}", item.Id, item.Kind, permanent.Error);
                return true;
            case DeliveryOutcome.Halt or DeliveryOutcome.Interrupted:
                await outbox.ReleaseAsync(item, none);
                return false;
            default:
                var error = outcome.Describe();
                if (givenUp is not null)
                {
                    await outbox.FailAsync(item, givenUp, kind?.WhenGivenUp(item, error), none);
                    metrics.DeliveryEnded(item.Kind, DeliveryOutcomes.GivenUp);
                    logger.LogWarning("Outbox item {ItemId} ({Kind}) given up: {Reason}", item.Id, item.Kind, error);
                    return true;
                }

                var notBefore = timeProvider.GetUtcNow() + schedule.DelayAfter(item.Attempts);
                if (outcome is DeliveryOutcome.Wait { ForSession: true })
                {
                    await outbox.WaitForSessionAsync(item, notBefore, error, none);
                    metrics.DeliveryRetried(item.Kind, RetryReasons.Session);
                    logger.LogInformation("Outbox item {ItemId} ({Kind}) waits for the WhatsApp session until {NotBefore:O} at the latest: {Reason}",
                        item.Id, item.Kind, notBefore, error);
                    return false;
                }

                await outbox.RetryAsync(item, notBefore, error, none);
                metrics.DeliveryRetried(item.Kind, outcome is DeliveryOutcome.Wait ? RetryReasons.Wait : RetryReasons.Transient);
                return false;
        }
    }

    public async Task ReleaseAllAsync(IEnumerable<OutboxItem> items, LeaseKeeper leases)
    {
        foreach (var item in items)
        {
            await outbox.ReleaseAsync(item, CancellationToken.None);
            leases.Finished(item);
        }
    }
}
