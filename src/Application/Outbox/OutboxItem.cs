using System.Text.Json;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Outbox;

/// <summary>A claimed row. <see cref="Attempts"/> counts this attempt too. <see cref="Chat"/> is what was known of
/// its WhatsApp chat when it was claimed (a row of a chat seen before, in a <see cref="LaneKind.WhatsAppChat"/> lane), else null.</summary>
public sealed record OutboxItem(long Id, string IntegrationId, string Kind, Lane Lane, string Payload, int Attempts, RoutedChat? Chat = null);

/// <summary>A row to record: a delivery serialised with its own contract. <see cref="Media"/> goes beside the row.</summary>
public sealed record NewOutboxItem(string IntegrationId, string Kind, Lane Lane, string? DedupeKey, string Payload, byte[]? Media = null)
{
    public static NewOutboxItem For<T>(string integrationId, T delivery)
        where T : IDelivery<T> =>
        new(integrationId, T.KindName, delivery.Lane, delivery.DedupeKey, JsonSerializer.Serialize(delivery, T.JsonType), delivery.StoredApart);
}

/// <summary>A claimed row's delivery, read with its kind's contract.</summary>
public sealed record Claimed<T>(long Id, string IntegrationId, T Delivery, int Attempts, RoutedChat? Chat);
