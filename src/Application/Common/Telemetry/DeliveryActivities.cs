using System.Collections.Concurrent;
using System.Diagnostics;
using RyzeApi.Application.Outbox;

namespace RyzeApi.Application.Common.Telemetry;

/// <summary>RyzeApi's own spans, on the <c>ActivitySource</c> named <see cref="SourceName"/>: one per attempt at an outbox
/// item, continuing the trace of the request (or delivery) that recorded it
/// (docs/adr/0034-a-delivery-continues-the-trace-that-recorded-it.md). Nothing is allocated when nobody listens.</summary>
public static class DeliveryActivities
{
    public const string SourceName = "RyzeApi";

    private static readonly ActivitySource s_source = new(SourceName);

    // Span names per kind of work: a handful, made once rather than per delivery.
    private static readonly ConcurrentDictionary<string, string> s_names = new(StringComparer.Ordinal);

    /// <summary>The W3C <c>traceparent</c> of the current span, stored with work recorded now; null outside any trace.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>Starts the span of one attempt at <paramref name="item"/> and makes it current: a child of the stored
    /// trace context, or the root of a new trace when the row has none (recorded before it was kept, or outside a
    /// trace) or it does not parse. Null when no listener wants it.</summary>
    public static Activity? StartDelivery(OutboxItem item)
    {
        if (!s_source.HasListeners())
        {
            return null;
        }

        var parent = item.TraceParent is { } stored && ActivityContext.TryParse(stored, null, isRemote: true, out var context) ? context : default;
        var name = s_names.GetOrAdd(item.Kind, static kind => "deliver " + kind);
        var activity = s_source.StartActivity(name, ActivityKind.Consumer, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("ryzeapi.outbox.id", item.Id);
            activity.SetTag("ryzeapi.delivery.kind", item.Kind);
            activity.SetTag("ryzeapi.delivery.attempt", item.Attempts);
            activity.SetTag("ryzeapi.integration.id", item.IntegrationId);
        }

        return activity;
    }

    /// <summary>Ends the span with what the attempt came to, once it is recorded.</summary>
    /// <param name="givenUp">Set when this was the item's last attempt.</param>
    public static void Finish(Activity? activity, DeliveryOutcome outcome, string? givenUp)
    {
        if (activity is null)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            var (name, failed) = outcome switch
            {
                DeliveryOutcome.Delivered => ("delivered", false),
                DeliveryOutcome.Skipped => ("skipped", false),
                DeliveryOutcome.Permanent => ("failed", true),
                DeliveryOutcome.Halt => ("halted", true),
                DeliveryOutcome.Interrupted => ("interrupted", false),
                _ when givenUp is not null => ("given_up", true),
                DeliveryOutcome.Transient => ("retried", true),
                _ => ("waiting", false),
            };
            activity.SetTag("ryzeapi.delivery.outcome", name);
            if (failed)
            {
                activity.SetStatus(ActivityStatusCode.Error, givenUp ?? outcome.Describe());
            }
        }

        activity.Dispose();
    }
}
