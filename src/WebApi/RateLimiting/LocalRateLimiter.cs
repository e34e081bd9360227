using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RyzeApi.WebApi.RateLimiting;

/// <summary>Counts in this process only, with .NET's <see cref="PartitionedRateLimiter"/>: what the limits fall back
/// to while the database does not answer. The window index is part of the partition key, so each window gets a fresh
/// limiter, and limiters of past windows fall idle and are dropped by the partitioner.</summary>
public sealed class LocalRateLimiter(IOptions<RateLimitSettings> settings) : IDisposable
{
    private readonly PartitionedRateLimiter<(RateLimitPolicy Policy, long Window)> _limiter =
        PartitionedRateLimiter.Create<(RateLimitPolicy Policy, long Window), string>(key => RateLimitPartition.GetFixedWindowLimiter(
            $"{key.Policy.Name}|{key.Policy.Partition}|{key.Window}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = key.Policy.PermitLimit, Window = settings.Value.Window, QueueLimit = 0 }));

    public RateLimitDecision Acquire(RateLimitPolicy policy, long window)
    {
        using var lease = _limiter.AttemptAcquire((policy, window));
        var remaining = _limiter.GetStatistics((policy, window))?.CurrentAvailablePermits ?? 0;
        return new RateLimitDecision(lease.IsAcquired, remaining);
    }

    public void Dispose() => _limiter.Dispose();
}
