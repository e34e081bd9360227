namespace RyzeApi.WebApi.Contracts.Instances;

/// <summary>The new instance; its token is shown only here.</summary>
public sealed class CreatedInstance
{
    /// <summary>Name of the instance.</summary>
    /// <example>suporte</example>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The TokenInstance. Store it now: it is never shown again.</summary>
    /// <example>Jd8sK2mZ0qLw9xV4bN7cR1tY6uH3eG5aF0pQ8rS2dT4</example>
    [JsonPropertyName("token")] public required string Token { get; init; }

    /// <summary>When it was created: RFC 3339, UTC.</summary>
    /// <example>2026-04-20T10:15:30Z</example>
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }
}
