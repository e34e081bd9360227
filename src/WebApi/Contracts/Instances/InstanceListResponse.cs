namespace RyzeApi.WebApi.Contracts.Instances;

/// <summary>200 of <c>GET /api/instance/list</c>.</summary>
public sealed class InstanceListResponse
{
    /// <summary>Always true.</summary>
    /// <example>true</example>
    [JsonPropertyName("success")] public bool Success => true;

    /// <summary>How many instances were found.</summary>
    /// <example>1 Instances found</example>
    [JsonPropertyName("message")] public required string Message { get; init; }

    /// <summary>The instances, oldest first.</summary>
    [JsonPropertyName("instances")] public required IReadOnlyList<ListedInstance> Instances { get; init; }
}
