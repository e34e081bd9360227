using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;

namespace RyzeApi.WebApi.RateLimiting;

/// <summary>Decides each request against the count every replica shares (docs/adr/0038-rate-limits-shared-by-replicas.md):
/// one statement per request where <see cref="RateLimitPolicy.Block"/> is 1, blocks of permits for ingress
/// (<see cref="ReservedPermits"/>). While the database does not answer, the process counts alone
/// (<see cref="LocalRateLimiter"/>) for <see cref="FallbackFor"/> before it asks again, and logs that once: the request
/// goes on and meets the outage itself (docs/adr/0039-rate-limits-when-the-database-is-down.md).</summary>
public sealed class SharedRateLimiter(
    IRateLimitCounter counter, ReservedPermits reserved, LocalRateLimiter local, TimeProvider time, ILogger<SharedRateLimiter> logger)
{
    public static readonly TimeSpan FallbackFor = TimeSpan.FromSeconds(5);

    /// <summary>How long a count may take before the database counts as not answering: a server that hangs instead of
    /// refusing would otherwise hold every request for the driver's own timeouts (15 s to connect, 30 s a command).</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);

    private long _fallbackUntilMs = long.MinValue;
    private long _purgedWindow = long.MinValue;

    /// <summary>Counts one request of <paramref name="policy"/> in the window numbered <paramref name="window"/>, which
    /// starts <paramref name="window"/> × <paramref name="length"/> after the Unix epoch.</summary>
    public async ValueTask<RateLimitDecision> AcquireAsync(RateLimitPolicy policy, long window, TimeSpan length, CancellationToken cancellationToken)
    {
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (nowMs < Interlocked.Read(ref _fallbackUntilMs))
        {
            return local.Acquire(policy, window);
        }

        var lengthMs = (long)length.TotalMilliseconds;
        var windowStart = DateTimeOffset.FromUnixTimeMilliseconds(window * lengthMs);
        RateLimitDecision decision;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(AnswerWithin);
        try
        {
            decision = policy.Block == 1
                ? Decide(policy, await counter.AddAsync(policy.Name, policy.Partition, windowStart, 1, deadline.Token))
                : await reserved.AcquireAsync(policy, windowStart, deadline.Token);
        }
        catch (Exception exception) when (exception is DatabaseUnavailableException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // From now, not from the request's start: a count abandoned at its deadline took that long already.
            var failedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (Interlocked.Exchange(ref _fallbackUntilMs, failedAtMs + (long)FallbackFor.TotalMilliseconds) <= failedAtMs)
            {
                logger.LogWarning(
                    "Rate limits are counted in this process alone for {Seconds} s: the database did not answer ({Reason})",
                    FallbackFor.TotalSeconds,
                    exception is OperationCanceledException ? $"no answer within {AnswerWithin.TotalSeconds} s" : exception.Message);
            }

            return local.Acquire(policy, window);
        }

        await PurgeOnceAsync(window, windowStart.AddMilliseconds(-lengthMs));
        return decision;
    }

    /// <summary>A request refused still counts, so the count can pass the limit; what is left never goes below 0.</summary>
    private static RateLimitDecision Decide(RateLimitPolicy policy, long count) =>
        new(count <= policy.PermitLimit, Math.Max(0, policy.PermitLimit - count));

    /// <summary>Once per window in each process: deletes the counts of windows before the previous one (kept for a
    /// replica whose clock lags a little) and forgets the blocks of old windows.</summary>
    private async Task PurgeOnceAsync(long window, DateTimeOffset before)
    {
        var last = Interlocked.Read(ref _purgedWindow);
        if (window <= last || Interlocked.CompareExchange(ref _purgedWindow, window, last) != last)
        {
            return;
        }

        reserved.Forget(before);
        try
        {
            await counter.PurgeAsync(before, CancellationToken.None);
        }
        catch (DatabaseUnavailableException exception)
        {
            // The next window's purge deletes these rows too.
            logger.LogWarning("Could not delete the rate-limit counts of past windows: {Reason}", exception.Message);
        }
    }
}
