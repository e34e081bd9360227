using RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;

namespace RyzeApi.WebApi.Contracts.Chatwoot;

/// <summary>The integration's deliveries at a glance; <c>GET /api/chatwoot/deliveries/{instance}</c> lists them.</summary>
public sealed class ChatwootDeliveriesInfo
{
    /// <summary>Deliveries waiting to go, or being retried, either way.</summary>
    /// <example>0</example>
    [JsonPropertyName("pending")] public required int Pending { get; init; }

    /// <summary>Deliveries given up in the last 24 hours (kept with their error; they can be retried).</summary>
    /// <example>1</example>
    [JsonPropertyName("failed_last_24h")] public required int FailedLast24h { get; init; }

    /// <summary>Seconds since the oldest pending delivery was recorded; null when none is pending. Above a minute or so,
    /// deliveries are behind.</summary>
    /// <example>null</example>
    [JsonPropertyName("oldest_pending_age_seconds")] public required long? OldestPendingAgeSeconds { get; init; }

    /// <summary>When the last message went through, either way (RFC 3339, UTC); null before the first.</summary>
    /// <example>2026-04-21T09:12:44Z</example>
    [JsonPropertyName("last_delivered_at")] public required DateTimeOffset? LastDeliveredAt { get; init; }

    public static ChatwootDeliveriesInfo From(DeliveryCounts counts) => new()
    {
        Pending = counts.Pending,
        FailedLast24h = counts.FailedLastDay,
        OldestPendingAgeSeconds = counts.OldestPendingAge is { } age ? (long)age.TotalSeconds : null,
        LastDeliveredAt = counts.LastDeliveredAt,
    };
}
