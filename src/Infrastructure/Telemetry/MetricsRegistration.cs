using RyzeApi.Application.Common.Telemetry;

namespace RyzeApi.Infrastructure.Telemetry;

public static class MetricsRegistration
{
    /// <summary>The periodic backlog query behind the outbox and integration gauges.</summary>
    public static IServiceCollection AddBacklogMetrics(this IServiceCollection services)
    {
        services.AddSingleton<IBacklogMetricsReader, BacklogMetricsReader>();
        services.AddHostedService<BacklogMetricsSampler>();
        return services;
    }
}
