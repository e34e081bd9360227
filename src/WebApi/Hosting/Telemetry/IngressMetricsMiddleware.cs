using System.Diagnostics;
using RyzeApi.Application.Common.Telemetry;

namespace RyzeApi.WebApi.Hosting.Telemetry;

/// <summary>Marks an endpoint whose requests are timed as <c>ryzeapi.ingress.duration</c> under <see cref="Source"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class IngressMetricAttribute(string source) : Attribute
{
    public const string ChatwootWebhook = "chatwoot_webhook";
    public const string EngineEvent = "engine_event";

    public string Source { get; } = source;
}

/// <summary>Times the requests of endpoints marked <see cref="IngressMetricAttribute"/>, from their arrival to their
/// answer (authentication, rate limit and the database write included), by the answer's status class. A timestamp
/// and one histogram record per request.</summary>
public sealed class IngressMetricsMiddleware(RequestDelegate next, RyzeApiMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // The endpoint is known once routing ran, inside next.
            if (context.GetEndpoint()?.Metadata.GetMetadata<IngressMetricAttribute>() is { } ingress)
            {
                var outcome = context.RequestAborted.IsCancellationRequested
                    ? CallOutcomes.Cancelled
                    : CallOutcomes.FromStatus(context.Response.StatusCode);
                metrics.Ingress(ingress.Source, outcome, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }
    }
}
