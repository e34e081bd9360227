using Npgsql;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RyzeApi.Application.Common.Telemetry;

namespace RyzeApi.WebApi.Hosting.Telemetry;

/// <summary>Traces with OpenTelemetry: incoming requests, outgoing Chatwoot and engine calls, PostgreSQL commands and
/// RyzeApi's own delivery spans (docs/operations.md, "Traces"). Spans are exported over OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; without it they are still made, unrecorded, so that every log line written
/// within a request or a delivery carries its trace id and the trace goes on with the work it records.</summary>
public static class Tracing
{
    public static IServiceCollection AddRyzeApiTracing(this IServiceCollection services, IConfiguration configuration)
    {
        var exporting = Exporting(configuration);
        services.AddOpenTelemetry()
            // For every signal (tracing is always registered, metrics not always). OpenTelemetry's own default would be
            // "unknown_service:dotnet"; OTEL_SERVICE_NAME still wins.
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "RyzeApi"))
            .WithTracing(tracing =>
        {
            tracing
                .AddSource(DeliveryActivities.SourceName)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context => !IsProbe(context.Request.Path);
                    // The webhook's path carries its secret.
                    o.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", EnvelopeExceptionHandler.SafePath(request.Path));
                })
                .AddHttpClientInstrumentation()
                .ConfigureSampler((_, chosen) => new TraceSampling(chosen, exporting));
            if (exporting)
            {
                // Only then: a listener on Npgsql makes a span for every command, which nothing would read otherwise.
                tracing.AddNpgsql().AddOtlpExporter();
            }
        });
        return services;
    }

    /// <summary>Whether spans leave the process: an OTLP endpoint is configured (for every signal, or for traces).</summary>
    private static bool Exporting(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
        || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]);

    // Load balancers and scrapers call these every few seconds: a trace each would drown the ones that matter.
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
}
