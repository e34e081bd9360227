using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RyzeApi.Application.Common.Telemetry;

public static class MetricsRegistration
{
    /// <summary>RyzeApi's instruments and the metrics settings. The meter factory comes from the host (or
    /// <c>AddMetrics()</c>); with no listener, recording costs next to nothing.</summary>
    public static IServiceCollection AddRyzeApiInstruments(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<RyzeApiMetrics>();
        services.TryAddSingleton<BacklogMetrics>();
        services.AddValidatedOptions<MetricsOptions, MetricsOptionsValidator>(configuration.GetSection(MetricsOptions.Section));
        return services;
    }
}
