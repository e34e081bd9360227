namespace RyzeApi.WebApi.Contracts.Instances;

/// <summary>An instance's Chatwoot integration at a glance.</summary>
public sealed class InstanceChatwoot
{
    /// <summary><c>active</c>, <c>paused</c> or <c>error</c>.</summary>
    /// <example>active</example>
    [JsonPropertyName("status")] public required string Status { get; init; }

    /// <summary>Id of the integration; absent when an inline activation failed.</summary>
    /// <example>int_xyz789abc</example>
    [JsonPropertyName("bridge_integration_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BridgeIntegrationId { get; init; }

    /// <summary>Only when an inline activation failed: the activation's error message.</summary>
    /// <example>Chatwoot rejected the API token - verify chatwootApiToken. Detail: https://chatwoot.example.com/api/v1/accounts/5/inboxes HTTP 401: {"error":"Invalid Access Token"}</example>
    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }
}
