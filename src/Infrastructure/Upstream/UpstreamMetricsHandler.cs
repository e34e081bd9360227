using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;
using RyzeApi.Application.Common.Telemetry;

namespace RyzeApi.Infrastructure.Upstream;

/// <summary>Times each Chatwoot or engine call, retries and the answer's body included (it is the outermost handler),
/// as <c>ryzeapi.chatwoot.request.duration</c> or <c>ryzeapi.engine.request.duration</c>. The operation is the Refit
/// method's name in snake case, a fixed set, never the URL (which holds ids and instance names).</summary>
internal sealed class UpstreamMetricsHandler(RyzeApiMetrics metrics, UpstreamService upstream, string fallbackOperation) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<string> s_methodName = new(HttpRequestMessageOptions.MethodName);
    private static readonly ConcurrentDictionary<string, string> s_operations = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var operation = request.Options.TryGetValue(s_methodName, out var method) && method is not null
            ? s_operations.GetOrAdd(method, SnakeCase)
            : fallbackOperation;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            metrics.UpstreamCall(upstream, operation, CallOutcomes.FromStatus((int)response.StatusCode), Stopwatch.GetElapsedTime(started).TotalSeconds);
            return response;
        }
        catch (Exception exception)
        {
            metrics.UpstreamCall(upstream, operation, OutcomeOf(exception, cancellationToken), Stopwatch.GetElapsedTime(started).TotalSeconds);
            throw;
        }
    }

    /// <summary>Why a call got no answer.</summary>
    internal static string OutcomeOf(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => CallOutcomes.Cancelled,
        TimeoutRejectedException or OperationCanceledException or TimeoutException => CallOutcomes.Timeout,
        BrokenCircuitException => CallOutcomes.CircuitOpen,
        _ => CallOutcomes.NetworkError,
    };

    /// <summary><c>CreateMessage</c> → <c>create_message</c>.</summary>
    internal static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
