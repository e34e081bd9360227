using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RyzeApi.Application.Common.Telemetry;

namespace RyzeApi.Infrastructure.Telemetry;

/// <summary>Refreshes <see cref="BacklogMetrics"/> every <see cref="MetricsOptions.BacklogInterval"/> with one query,
/// so scrapes never reach the database. A failed read (database down) keeps the last snapshot and logs one warning per
/// outage, not one per interval.</summary>
internal sealed class BacklogMetricsSampler(
    IBacklogMetricsReader reader, BacklogMetrics gauges, IOptions<MetricsOptions> options, TimeProvider time, ILogger<BacklogMetricsSampler> logger)
    : BackgroundService
{
    private readonly MetricsOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        using var timer = new PeriodicTimer(_options.BacklogInterval, time);
        do
        {
            try
            {
                gauges.Update(await reader.ReadAsync(_options.TopIntegrations, _options.BacklogNamedAfter, stoppingToken));
                if (failing)
                {
                    logger.LogInformation("The outbox backlog metrics are read again");
                    failing = false;
                }
            }
            catch (Exception exception) when (exception is DatabaseUnavailableException && !stoppingToken.IsCancellationRequested)
            {
                if (!failing)
                {
                    logger.LogWarning("The outbox backlog metrics could not be read; they keep their last values until the database answers: {Reason}", exception.Message);
                    failing = true;
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
