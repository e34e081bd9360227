using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RyzeApi.Application.Outbox;

namespace RyzeApi.Infrastructure.Outbox;

/// <summary>Claims due outbox rows and hands them to the dispatcher, as long as the process runs.
/// Wakes on this process's signal, or every <see cref="RoutingOptions.PollInterval"/> for work recorded
/// by other processes and for retries that fell due.</summary>
public sealed class OutboxWorker(
    IOutboxStore outbox, OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<RoutingOptions> options, TimeProvider time, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    private readonly RoutingOptions _options = options.Value;
    private readonly string _name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private long _lastPurge;
    private long _lastClaim;

    // Several loops, so one slow chat (a Chatwoot call waiting for its timeout) does not hold up the others. The
    // report of leases left at start-up runs beside them and holds nothing up.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(i => RunLoopAsync($"{_name}/{i}", stoppingToken))
            .Append(LeftLeases.ReportAsync(outbox, _name, time, logger, stoppingToken)));

    private async Task PurgeHourlyAsync(CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastPurge);
        if ((last != 0 && time.GetElapsedTime(last, now) < TimeSpan.FromHours(1)) || Interlocked.CompareExchange(ref _lastPurge, now, last) != last)
        {
            return;
        }

        var purged = await outbox.PurgeDoneAsync(_options.DedupeWindow, cancellationToken);
        if (purged > 0)
        {
            logger.LogInformation("Purged {Count} outbox rows and message links (delivered over {Window} ago, or of deleted integrations)", purged, _options.DedupeWindow);
        }
    }

    // Process-wide: whichever loop claims next waits until ClaimInterval has passed since this process's last claim.
    // At hundreds of messages a second a claim per arriving row costs PostgreSQL more than the rows' own writes;
    // spaced claims take what arrived meanwhile in one query. An idle process's first claim goes at once.
    private async Task SpaceClaimsAsync(CancellationToken cancellationToken)
    {
        var interval = _options.ClaimInterval;
        while (interval > TimeSpan.Zero)
        {
            var last = Interlocked.Read(ref _lastClaim);
            var wait = interval - time.GetElapsedTime(last);
            if (last != 0 && wait > TimeSpan.Zero)
            {
                // Whole milliseconds, rounded up: Task.Delay truncates, and a delay under 1 ms would return at once
                // and make this loop spin until the interval is over.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken);
                continue;
            }

            if (Interlocked.CompareExchange(ref _lastClaim, time.GetTimestamp(), last) == last)
            {
                return;
            }
        }
    }

    private async Task RunLoopAsync(string name, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                await PurgeHourlyAsync(stoppingToken);
                await SpaceClaimsAsync(stoppingToken);
                var items = await outbox.ClaimAsync(name, _options.BatchSize, _options.LeaseDuration, stoppingToken);
                claimed = items.Count;
                if (claimed > 0)
                {
                    await dispatcher.DispatchAsync(items, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DatabaseUnavailableException exception)
            {
                logger.LogWarning("Outbox worker cannot reach the database: {Reason}", exception.Message);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogError(exception, "Outbox worker cycle failed");
            }

            // A full batch means more is waiting: go again (once the claim interval allows).
            if (claimed < _options.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
