using System.Diagnostics.Metrics;

namespace RyzeApi.Application.Common.Telemetry;

/// <summary>RyzeApi's own instruments, on the meter <c>RyzeApi</c> (docs/operations.md, "Metrics"). Every label value
/// comes from a fixed set (kind, outcome and operation names), never from a URL, an id or a message, so the number of
/// series stays bounded whatever the traffic. Recording is a counter add or a histogram record with at most three
/// labels on the stack: nothing is allocated per message.</summary>
public sealed class RyzeApiMetrics
{
    public const string MeterName = "RyzeApi";

    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _chatwootCalls;
    private readonly Histogram<double> _engineCalls;
    private readonly Histogram<double> _ingress;

    public RyzeApiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _deliveries = meter.CreateCounter<long>(
            "ryzeapi.deliveries", "{delivery}",
            "Deliveries that reached an end, by kind and outcome (delivered, skipped, failed, given_up).");
        _retries = meter.CreateCounter<long>(
            "ryzeapi.delivery.retries", "{retry}",
            "Delivery attempts put back to be tried again later, by kind and reason (transient, wait, session).");
        _chatwootCalls = meter.CreateHistogram<double>(
            "ryzeapi.chatwoot.request.duration", "s",
            "Chatwoot API calls, retries included, by operation and outcome.", advice: Buckets);
        _engineCalls = meter.CreateHistogram<double>(
            "ryzeapi.engine.request.duration", "s",
            "WhatsApp engine API calls, retries included, by operation and outcome.", advice: Buckets);
        _ingress = meter.CreateHistogram<double>(
            "ryzeapi.ingress.duration", "s",
            "Chatwoot webhooks and engine events, from the request's arrival to its answer, by source and outcome.", advice: Buckets);
    }

    /// <summary>Seconds; from a fast loopback call to the 30 s budget of a Chatwoot call.</summary>
    private static InstrumentAdvice<double> Buckets { get; } = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    /// <param name="kind">The delivery's kind name (<c>outbox.kind</c>).</param>
    /// <param name="outcome">One of <see cref="DeliveryOutcomes"/>.</param>
    public void DeliveryEnded(string kind, string outcome) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    /// <param name="kind">The delivery's kind name (<c>outbox.kind</c>).</param>
    /// <param name="reason">One of <see cref="RetryReasons"/>.</param>
    public void DeliveryRetried(string kind, string reason) =>
        _retries.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));

    /// <param name="operation">The client method's name in snake case (e.g. <c>create_message</c>).</param>
    /// <param name="outcome">One of <see cref="CallOutcomes"/>.</param>
    public void UpstreamCall(UpstreamService upstream, string operation, string outcome, double seconds) =>
        (upstream == UpstreamService.Chatwoot ? _chatwootCalls : _engineCalls).Record(
            seconds, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));

    /// <param name="source"><c>chatwoot_webhook</c> or <c>engine_event</c>.</param>
    /// <param name="outcome">One of <see cref="CallOutcomes"/>, from the answer's status.</param>
    public void Ingress(string source, string outcome, double seconds) =>
        _ingress.Record(seconds, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("outcome", outcome));
}

/// <summary>Which upstream a call went to.</summary>
public enum UpstreamService
{
    Chatwoot,
    Engine,
}
