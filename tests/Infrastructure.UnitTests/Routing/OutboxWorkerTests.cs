using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using RyzeApi.Application.Common.Options;
using RyzeApi.Application.Outbox;
using RyzeApi.Infrastructure.Outbox;

namespace RyzeApi.Infrastructure.UnitTests.Routing;

public sealed class OutboxWorkerTests
{
    [Test]
    public async Task Claims_RungEveryFewMilliseconds_AreSpacedByTheClaimInterval()
    {
        // Arrange
        var interval = TimeSpan.FromMilliseconds(300);
        var (worker, signal, claims) = Worker(interval, workers: 4);
        using var stop = new CancellationTokenSource();
        await worker.StartAsync(stop.Token);

        // Act: work recorded every 2 ms for 1.5 s, as at hundreds of messages a second.
        var ringing = Stopwatch.StartNew();
        while (ringing.Elapsed < TimeSpan.FromSeconds(1.5))
        {
            signal.Notify();
            await Task.Delay(2);
        }

        await worker.StopAsync(CancellationToken.None);

        // Assert: without spacing every ring is a claim (hundreds); the timer may fire a little early or late.
        var times = claims.OrderBy(t => t).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b)).ToList();
        Assert.That(times, Has.Count.InRange(3, 7));
        Assert.That(gaps, Has.All.GreaterThan(interval - TimeSpan.FromMilliseconds(20)));
    }

    [Test]
    public async Task Claim_AfterAQuietSpell_GoesAtOnce()
    {
        // Arrange
        var interval = TimeSpan.FromSeconds(2);
        var time = new FakeTimeProvider();
        var (worker, signal, claims) = Worker(interval, workers: 1, time);
        await worker.StartAsync(CancellationToken.None);
        await WaitForAsync(() => !claims.IsEmpty);
        time.Advance(interval + TimeSpan.FromMilliseconds(200));
        var before = claims.Count;

        // Act
        var rung = time.GetTimestamp();
        signal.Notify();
        await WaitForAsync(() => claims.Count > before);
        await worker.StopAsync(CancellationToken.None);

        // Assert: the clock has not moved since the ring; an interval applied to every claim would wait for it forever.
        Assert.That(time.GetElapsedTime(rung, claims.Max()), Is.EqualTo(TimeSpan.Zero));
    }

    private static (OutboxWorker Worker, OutboxSignal Signal, ConcurrentBag<long> Claims) Worker(
        TimeSpan claimInterval, int workers, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        var options = Options.Create(new RoutingOptions { Workers = workers, ClaimInterval = claimInterval, PollInterval = TimeSpan.FromMinutes(1) });
        var claims = new ConcurrentBag<long>();
        var outbox = new Mock<IOutboxStore>();
        outbox.Setup(o => o.ClaimAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                claims.Add(clock.GetTimestamp());
                return [];
            });
        // Never reached: every claim comes back empty, so nothing is dispatched.
        var dispatcher = new OutboxDispatcher(outbox.Object, null!, null!, null!, null!, options, clock, NullLogger<OutboxDispatcher>.Instance);
        var signal = new OutboxSignal();
        return (new OutboxWorker(outbox.Object, dispatcher, signal, options, clock, NullLogger<OutboxWorker>.Instance), signal, claims);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "timed out");
            await Task.Delay(5);
        }
    }
}
