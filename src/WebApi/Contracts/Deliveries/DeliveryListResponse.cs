using RyzeApi.Application.Chatwoot.Queries.ListDeliveries;

namespace RyzeApi.WebApi.Contracts.Deliveries;

/// <summary>200 of <c>GET /api/chatwoot/deliveries/{instance}</c>.</summary>
public sealed class DeliveryListResponse
{
    /// <summary>Name of the instance.</summary>
    /// <example>suporte</example>
    [JsonPropertyName("instance_name")] public required string InstanceName { get; init; }

    /// <summary>The state listed: <c>failed</c>, <c>pending</c> or <c>delivered</c>.</summary>
    /// <example>failed</example>
    [JsonPropertyName("state")] public required string State { get; init; }

    /// <summary>The page's deliveries, newest first.</summary>
    [JsonPropertyName("deliveries")] public required IReadOnlyList<DeliveryItem> Deliveries { get; init; }

    /// <summary>Send it as <c>cursor</c> for the next (older) page; null on the last page. Deliveries recorded meanwhile
    /// never shift the pages: they are newer than any cursor.</summary>
    /// <example>1790</example>
    [JsonPropertyName("next_cursor")] public required string? NextCursor { get; init; }

    public static DeliveryListResponse From(DeliveryPage page) => new()
    {
        InstanceName = page.InstanceName,
        State = page.State.ToName(),
        Deliveries = [.. page.Deliveries.Select(DeliveryItem.From)],
        NextCursor = page.NextCursor?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
