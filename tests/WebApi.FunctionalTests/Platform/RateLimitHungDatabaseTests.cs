using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.WebApi.RateLimiting;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>docs/adr/0039-rate-limits-when-the-database-is-down.md: a database that hangs instead of refusing is treated
/// as not answering after <see cref="SharedRateLimiter.AnswerWithin"/>; the request is then decided in the process,
/// and the requests after it do not wait for the database again while the fallback lasts.</summary>
public sealed class RateLimitHungDatabaseTests
{
    [TestCase("global", 3)]
    [TestCase(RateLimitPolicy.Ingress, 400)]
    public async Task CountNeverAnswers_RequestsAreDecidedInTheProcess(string name, int limit)
    {
        // Arrange
        var counter = new HangingCounter();
        using var local = new LocalRateLimiter(Options.Create(new RateLimitSettings()));
        var limiter = new SharedRateLimiter(counter, new ReservedPermits(counter), local, TimeProvider.System, NullLogger<SharedRateLimiter>.Instance);
        var policy = new RateLimitPolicy(name, limit, "t:hung");

        // Act: a generous bound on the wait, so a limiter that waits for the driver's own timeouts fails here instead of hanging.
        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 4; i++)
        {
            decisions.Add(await limiter.AcquireAsync(policy, 1, TimeSpan.FromMinutes(1), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromMinutes(1)));
        }

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(decisions.Select(d => d.Allowed), Is.EqualTo(name == "global" ? new[] { true, true, true, false } : new[] { true, true, true, true }));
            Assert.That(counter.Calls, Is.EqualTo(1), "asked again while the fallback lasts");
            // A block's reservation is shared by the requests waiting for it: it goes on (to the driver's own timeout), they stop waiting.
            Assert.That(counter.Cancelled, Is.EqualTo(name == "global"), "the hung count is abandoned at the deadline");
        });
    }

    private sealed class HangingCounter : IRateLimitCounter
    {
        public int Calls;
        public volatile bool Cancelled;

        public async Task<long> AddAsync(string policy, string partition, DateTimeOffset windowStart, int permits, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                throw;
            }

            return 0;
        }

        public Task PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
