using System.Text.Json;
using RyzeApi.Application.Common.Telemetry;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Outbox;

/// <summary>A claimed row. <see cref="Attempts"/> counts this attempt too. <see cref="Chat"/> is what was known of
/// its WhatsApp chat when it was claimed (a row of a chat seen before, in a <see cref="LaneKind.WhatsAppChat"/> lane), else null.</summary>
public sealed record OutboxItem(long Id, string IntegrationId, string Kind, Lane Lane, string Payload, int Attempts, RoutedChat? Chat = null)
{
    /// <summary>The W3C trace context stored when the row was recorded; null for a row recorded outside a trace or
    /// before it was kept.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>A row to record: a delivery serialised with its own contract. <see cref="Media"/> goes beside the row.</summary>
public sealed record NewOutboxItem(string IntegrationId, string Kind, Lane Lane, string? DedupeKey, string Payload, byte[]? Media = null)
{
    /// <summary>The trace of whoever makes the item (a request, or the delivery whose follow-up it is), taken here
    /// because the row is written later by a group-commit writer, outside that trace.</summary>
    public string? TraceParent { get; init; } = DeliveryActivities.CurrentTraceParent();

    public static NewOutboxItem For<T>(string integrationId, T delivery)
        where T : IDelivery<T> =>
        new(integrationId, T.KindName, delivery.Lane, delivery.DedupeKey, JsonSerializer.Serialize(delivery, T.JsonType), delivery.StoredApart);
}

/// <summary>A claimed row's delivery, read with its kind's contract.</summary>
public sealed record Claimed<T>(long Id, string IntegrationId, T Delivery, int Attempts, RoutedChat? Chat);
