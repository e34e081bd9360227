using RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;
using RyzeApi.Application.Chatwoot.Queries.ListDeliveries;

namespace RyzeApi.Application.Common.Abstractions;

/// <summary>An integration's deliveries (its outbox rows) as support staff see and steer them.</summary>
public interface IDeliveryRepository
{
    /// <summary>Up to <paramref name="max"/> deliveries in <paramref name="state"/>, newest first, with an id below
    /// <paramref name="before"/> when given.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListAsync(string integrationId, DeliveryState state, long? before, int max, CancellationToken cancellationToken);

    /// <summary>Sets failed deliveries back to pending, due now: those of <paramref name="ids"/>, or (null) the oldest
    /// <paramref name="max"/> failed ones. A delivery whose message is already linked (it reached the other side) stays failed.</summary>
    /// <returns>The ids requeued.</returns>
    Task<IReadOnlyList<long>> RetryFailedAsync(string integrationId, IReadOnlyList<long>? ids, int max, CancellationToken cancellationToken);

    /// <summary>The integration's backlog and last delivery, in one query.</summary>
    Task<DeliveryCounts> CountAsync(string integrationId, CancellationToken cancellationToken);
}
