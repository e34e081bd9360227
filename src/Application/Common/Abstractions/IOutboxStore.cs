using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Common.Abstractions;

/// <summary>The outbox's rows as the engine works them. Rows of one lane are handed out one batch at a time and in
/// id order; a lease makes a crashed worker's rows come back.</summary>
public interface IOutboxStore
{
    /// <returns>False when an item with the same dedupe key already exists for the integration.</returns>
    Task<bool> EnqueueAsync(NewOutboxItem item, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> due items whose lane has no earlier unfinished item
    /// held elsewhere or waiting for a retry; skips integrations whose deliveries are halted.</summary>
    Task<IReadOnlyList<OutboxItem>> ClaimAsync(string worker, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the item done and, in the same transaction, records <paramref name="link"/> and
    /// enqueues <paramref name="followUp"/>.</summary>
    Task CompleteAsync(OutboxItem item, MessageLink? link, NewOutboxItem? followUp, CancellationToken cancellationToken);

    /// <summary>Extends to <paramref name="lease"/> from now the leases of those <paramref name="items"/> this claim
    /// still holds: pending, not re-claimed since (same attempt count) and not expired. A lease that expired may
    /// already be another worker's, so it is never revived. Returns the ids whose lease was extended.</summary>
    Task<IReadOnlyCollection<long>> RenewLeasesAsync(IReadOnlyCollection<OutboxItem> items, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Gives the item back for another attempt at <paramref name="notBefore"/> (unless it was re-claimed meanwhile).</summary>
    Task RetryAsync(OutboxItem item, DateTimeOffset notBefore, string error, CancellationToken cancellationToken);

    /// <summary>As <see cref="RetryAsync"/>, marked as waiting for the WhatsApp session: the engine reporting it
    /// connected makes the item due at once.</summary>
    Task WaitForSessionAsync(OutboxItem item, DateTimeOffset notBefore, string error, CancellationToken cancellationToken);

    /// <summary>Gives the item back without counting the attempt (e.g. deliveries halted meanwhile), unless it was re-claimed meanwhile.</summary>
    Task ReleaseAsync(OutboxItem item, CancellationToken cancellationToken);

    /// <summary>Marks the item failed (kept for inspection) and enqueues <paramref name="followUp"/> with it.</summary>
    Task FailAsync(OutboxItem item, string error, NewOutboxItem? followUp, CancellationToken cancellationToken);

    /// <summary>Marks the item failed although its send may have reached the other side: the delivery API never requeues
    /// it, since sending it again could deliver it twice.</summary>
    Task FailUnconfirmedAsync(OutboxItem item, string error, CancellationToken cancellationToken);

    /// <summary>The lanes whose rows are leased now by workers whose name does not start with <paramref name="exceptWorkers"/>
    /// (another process, live or dead), the soonest-expiring first, at most <paramref name="max"/>: what a process that
    /// starts after a crash waits for.</summary>
    Task<IReadOnlyList<LeasedLane>> LeasedLanesAsync(string exceptWorkers, int max, CancellationToken cancellationToken);

    /// <summary>The bytes recorded beside the item (<see cref="IDelivery{TSelf}.StoredApart"/>), or null.</summary>
    Task<byte[]?> ReadMediaAsync(long itemId, CancellationToken cancellationToken);

    /// <summary>Deletes done items older than <paramref name="age"/> (they only serve as dedupe memory), the media of
    /// finished items, and items and message links whose integration is gone (written by a request that raced its deletion).</summary>
    Task<int> PurgeDoneAsync(TimeSpan age, CancellationToken cancellationToken);
}

/// <summary>A lane held by a lease: <paramref name="Rows"/> leased rows, by <paramref name="LeasedBy"/>, until <paramref name="Until"/>.</summary>
public sealed record LeasedLane(string IntegrationId, Lane Lane, string LeasedBy, DateTimeOffset Until, int Rows);
