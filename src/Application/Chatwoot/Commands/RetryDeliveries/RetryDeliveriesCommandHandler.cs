using RyzeApi.Application.Chatwoot.Queries.ListDeliveries;
using RyzeApi.Application.Common;

namespace RyzeApi.Application.Chatwoot.Commands.RetryDeliveries;

/// <summary>Puts failed deliveries back in the outbox and wakes this process's workers. The store changes only rows
/// still failed, in one statement, so a retry sent twice (or by two people at once) requeues each row once; a row whose
/// message is already linked stays failed, and a requeued row's next attempt looks for what an earlier one may have
/// left in Chatwoot (docs/adr/0037-retrying-a-failed-delivery.md).</summary>
public sealed class RetryDeliveriesCommandHandler(
    InstanceResolver instances, IChatwootIntegrationRepository integrations, IDeliveryRepository deliveries, IOutboxSignal signal,
    ILogger<RetryDeliveriesCommandHandler> logger)
    : ICommandHandler<RetryDeliveriesCommand, RetriedDeliveries>
{
    /// <summary>Failed deliveries requeued by one call without ids: a bound on the statement and the answer.</summary>
    public const int MaxAll = 1000;

    public async ValueTask<RetriedDeliveries> Handle(RetryDeliveriesCommand command, CancellationToken cancellationToken)
    {
        var integrationId = await IntegrationOf.InstanceAsync(instances, integrations, command.Caller, command.Instance, cancellationToken);
        var ids = command.Ids?.Distinct().ToList();
        var requeued = await deliveries.RetryFailedAsync(integrationId, ids, MaxAll, cancellationToken);
        if (requeued.Count > 0)
        {
            signal.Notify();
            logger.LogInformation("{Count} failed deliveries of integration {IntegrationId} requeued by request", requeued.Count, integrationId);
        }

        var skipped = ids is null ? [] : ids.Except(requeued).ToList();
        return new RetriedDeliveries([.. requeued.Order()], skipped);
    }
}
