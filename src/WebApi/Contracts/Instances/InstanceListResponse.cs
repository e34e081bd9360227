using System.Text.Json.Serialization;

namespace RyzeApi.WebApi.Contracts.Instances;

/// <summary>200 of <c>GET /api/instance/list</c>.</summary>
public sealed class InstanceListResponse
{
    /// <example>true</example>
    [JsonPropertyName("success")] public bool Success => true;

    /// <example>1 Instances found</example>
    [JsonPropertyName("message")] public required string Message { get; init; }

    [JsonPropertyName("instances")] public required IReadOnlyList<ListedInstance> Instances { get; init; }
}
