namespace RyzeApi.Application.Outbox;

/// <summary>Keeps the leases of a claimed batch alive while it is delivered, and tells when one was lost.
/// A batch can take longer than the lease (a long chat, a slow Chatwoot); once a lease expires another worker
/// may claim the item, so an item is attempted only while this claim provably still holds it: renewed by a
/// heartbeat every third of the lease, or confirmed one by one when the heartbeat is late. The heartbeat is
/// <see cref="KeepAliveAsync"/>, run by the dispatch of the batch alongside its deliveries.</summary>
public sealed class LeaseKeeper
{
    private readonly IOutboxStore _outbox;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<long, OutboxItem> _open;
    private readonly HashSet<long> _lost = [];
    private long _confirmedAt;

    /// <param name="items">Just claimed: their leases run from about now.</param>
    public LeaseKeeper(IOutboxStore outbox, IReadOnlyList<OutboxItem> items, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        _outbox = outbox;
        _lease = lease;
        _time = time;
        _logger = logger;
        _open = items.ToDictionary(i => i.Id);
        _confirmedAt = time.GetTimestamp();
    }

    /// <summary>Whether <paramref name="item"/> may be attempted now, its lease being this claim's. False means
    /// another worker may hold it: leave it (and the rest of its chat) untouched.</summary>
    public async Task<bool> HoldsAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_lost.Contains(item.Id))
            {
                return false;
            }

            if (_time.GetElapsedTime(_confirmedAt) < _lease / 2)
            {
                return true;
            }
        }

        // The heartbeat is late (a slow database): confirm this one directly.
        try
        {
            if ((await _outbox.RenewLeasesAsync([item], _lease, cancellationToken)).Contains(item.Id))
            {
                return true;
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _logger.LogWarning("Could not confirm the lease of outbox item {ItemId}: {Reason}", item.Id, exception.Message);
        }

        lock (_lock)
        {
            _lost.Add(item.Id);
        }

        return false;
    }

    /// <summary>The item's outcome is recorded (or it was given back): its lease needs no more care.</summary>
    public void Finished(OutboxItem item)
    {
        lock (_lock)
        {
            _open.Remove(item.Id);
        }
    }

    /// <summary>Renews the open leases every third of the lease until <paramref name="stop"/> (the batch is done).</summary>
    public async Task KeepAliveAsync(CancellationToken stop)
    {
        var interval = TimeSpan.FromTicks(Math.Max(_lease.Ticks / 3, TimeSpan.TicksPerMillisecond * 10));
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _time, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            OutboxItem[] open;
            lock (_lock)
            {
                open = [.. _open.Values.Where(i => !_lost.Contains(i.Id))];
            }

            if (open.Length == 0)
            {
                continue;
            }

            var started = _time.GetTimestamp();
            try
            {
                var renewed = (await _outbox.RenewLeasesAsync(open, _lease, CancellationToken.None)).ToHashSet();
                lock (_lock)
                {
                    foreach (var item in open.Where(i => !renewed.Contains(i.Id) && _open.ContainsKey(i.Id)))
                    {
                        _lost.Add(item.Id);
                        _logger.LogWarning("The lease of outbox item {ItemId} expired before it was delivered; it is left to whoever holds it now", item.Id);
                    }

                    _confirmedAt = started;
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _logger.LogWarning("Could not renew the leases of {Count} outbox items: {Reason}", open.Length, exception.Message);
            }
        }
    }
}
