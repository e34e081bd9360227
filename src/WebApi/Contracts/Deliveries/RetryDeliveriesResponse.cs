using RyzeApi.Application.Chatwoot.Commands.RetryDeliveries;

namespace RyzeApi.WebApi.Contracts.Deliveries;

/// <summary>200 of <c>POST /api/chatwoot/deliveries/{instance}/retry</c>.</summary>
public sealed class RetryDeliveriesResponse
{
    /// <summary><c>&lt;n&gt; deliveries requeued</c>.</summary>
    /// <example>1 deliveries requeued</example>
    [JsonPropertyName("message")] public required string Message { get; init; }

    /// <summary>Ids of the deliveries now pending again, due at once, in id order.</summary>
    /// <example>[1842]</example>
    [JsonPropertyName("requeued")] public required IReadOnlyList<long> Requeued { get; init; }

    /// <summary>Ids asked for that were not requeued: not failed (already pending again, or delivered), not a delivery of
    /// this instance, or failed after their message reached the other side (sending it again would duplicate it).
    /// Always empty when no ids were given.</summary>
    /// <example>[]</example>
    [JsonPropertyName("skipped")] public required IReadOnlyList<long> Skipped { get; init; }

    public static RetryDeliveriesResponse From(RetriedDeliveries result) => new()
    {
        Message = $"{result.Requeued.Count} deliveries requeued",
        Requeued = result.Requeued,
        Skipped = result.Skipped,
    };
}
