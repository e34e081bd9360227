using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using RyzeApi.Application.Common.Telemetry;
using RyzeApi.Infrastructure.Telemetry;

namespace RyzeApi.WebApi.Hosting.Telemetry;

/// <summary>OpenTelemetry metrics (docs/operations.md, "Metrics"): RyzeApi's meter, ASP.NET Core, Kestrel, HttpClient
/// and Npgsql, served to Prometheus at <c>/metrics</c> (<see cref="MetricsEndpoint"/>) and pushed over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
public static class MetricsSetup
{
    public const string Path = "/metrics";

    // Tags of the HttpClient meter that grow with the Chatwoot servers called (one per self-hosted Chatwoot): dropped,
    // ryzeapi.chatwoot.request.duration gives the calls by operation instead.
    private static readonly string[] s_httpClientTags =
        ["http.request.method", "http.response.status_code", "error.type", "network.protocol.version", "url.scheme"];

    public static IServiceCollection AddRyzeApiMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        var enabled = configuration.GetSection(MetricsOptions.Section).GetValue(nameof(MetricsOptions.Enabled), true);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!enabled && !otlp)
        {
            return services;
        }

        if (enabled)
        {
            services.AddBacklogMetrics();
        }

        // The service name is set once for every signal, with tracing (Tracing.AddRyzeApiTracing).
        var telemetry = services.AddOpenTelemetry();

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(RyzeApiMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddView(instrument => instrument.Meter.Name switch
                {
                    "System.Net.Http" => new MetricStreamConfiguration { TagKeys = s_httpClientTags },
                    // A DNS lookup's host name is every customer's Chatwoot and media host: counted, never named.
                    "System.Net.NameResolution" => new MetricStreamConfiguration { TagKeys = [] },
                    _ => null,
                })
                // Prometheus reserves a "_count" suffix for histograms and summaries: promtool refuses this gauge's name.
                .AddView("db.client.connection.count", "db.client.connection.usage");
            if (enabled)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });
        return services;
    }

    /// <summary>Times the ingress endpoints and serves <c>/metrics</c>. Placed outside the exception handler, so the
    /// ingress outcome is the status the caller got.</summary>
    public static IApplicationBuilder UseRyzeApiMetrics(this WebApplication app)
    {
        app.UseMiddleware<IngressMetricsMiddleware>();
        if (app.Configuration.GetSection(MetricsOptions.Section).GetValue(nameof(MetricsOptions.Enabled), true))
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(
                meterProvider: null, predicate: null, path: Path,
                configureBranchedPipeline: branch => branch.UseMiddleware<MetricsEndpoint>(), optionsName: null);
        }

        return app;
    }
}
