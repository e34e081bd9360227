using RyzeApi.Application.Common.Abstractions;
using System.Collections.Concurrent;

namespace RyzeApi.WebApi.RateLimiting;

/// <summary>Takes permits from the shared count in blocks (<see cref="RateLimitPolicy.Block"/>) and hands them out in
/// this process, so one request in a block waits for the database and the others do not. A block never holds more
/// than the window has left, so all replicas together admit at most the limit. Permits a replica reserved and did not
/// use are lost to the others: near the end of a full window up to one block per replica may be refused early.</summary>
public sealed class ReservedPermits(IRateLimitCounter counter)
{
    private readonly ConcurrentDictionary<(string Policy, string Partition, DateTimeOffset WindowStart), Bucket> _buckets = new();

    public async ValueTask<RateLimitDecision> AcquireAsync(RateLimitPolicy policy, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        var bucket = _buckets.GetOrAdd((policy.Name, policy.Partition, windowStart), _ => new Bucket());
        while (true)
        {
            TaskCompletionSource? mine = null;
            Task refill;
            lock (bucket)
            {
                if (bucket.Left > 0)
                {
                    bucket.Left--;
                    return new RateLimitDecision(true, Math.Max(0, policy.PermitLimit - bucket.Reserved) + bucket.Left);
                }

                if (bucket.Reserved >= policy.PermitLimit)
                {
                    return new RateLimitDecision(false, 0);
                }

                if (bucket.Refill is null)
                {
                    mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    bucket.Refill = mine.Task;
                }

                refill = bucket.Refill;
            }

            // One reservation at a time per bucket; the requests that arrive meanwhile wait for it and share the block.
            // The one that reserves stops waiting at its deadline too; the reservation goes on for the others.
            await (mine is null ? refill : ReserveAsync(bucket, policy, windowStart, mine)).WaitAsync(cancellationToken);
        }
    }

    /// <summary>Forgets the blocks of windows that started before <paramref name="before"/>.</summary>
    public void Forget(DateTimeOffset before)
    {
        foreach (var key in _buckets.Keys.Where(k => k.WindowStart < before))
        {
            _buckets.TryRemove(key, out _);
        }
    }

    /// <summary>Not cancelled with the request that runs it: other requests wait for the same block.</summary>
    private async Task ReserveAsync(Bucket bucket, RateLimitPolicy policy, DateTimeOffset windowStart, TaskCompletionSource done)
    {
        try
        {
            var total = await counter.AddAsync(policy.Name, policy.Partition, windowStart, policy.Block, CancellationToken.None);
            lock (bucket)
            {
                bucket.Left += (int)Math.Clamp(policy.PermitLimit - (total - policy.Block), 0, policy.Block);
                bucket.Reserved = total;
                bucket.Refill = null;
            }

            done.SetResult();
        }
        catch (Exception exception)
        {
            lock (bucket)
            {
                bucket.Refill = null;
            }

            done.SetException(exception);
            throw;
        }
    }

    private sealed class Bucket
    {
        public int Left { get; set; }

        /// <summary>The shared count after this process's last reservation: every replica's blocks, used or not.</summary>
        public long Reserved { get; set; }

        public Task? Refill { get; set; }
    }
}
