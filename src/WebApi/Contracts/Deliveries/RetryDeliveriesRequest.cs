namespace RyzeApi.WebApi.Contracts.Deliveries;

/// <summary>Body of <c>POST /api/chatwoot/deliveries/{instance}/retry</c>.</summary>
public sealed class RetryDeliveriesRequest
{
    /// <summary>Ids of failed deliveries to send again (1 to 100, as the list of deliveries shows them). Leave it out
    /// (send <c>{}</c>) to retry every failed delivery of the instance, the oldest 1000 per call.</summary>
    /// <example>[1842]</example>
    [JsonPropertyName("ids")]
    public IReadOnlyList<long>? Ids { get; init; }
}
