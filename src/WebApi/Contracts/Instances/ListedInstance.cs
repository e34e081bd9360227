namespace RyzeApi.WebApi.Contracts.Instances;

/// <summary>One instance in a list.</summary>
public sealed class ListedInstance
{
    /// <summary>Name of the instance.</summary>
    /// <example>suporte</example>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>When it was created: RFC 3339, UTC.</summary>
    /// <example>2026-04-20T10:15:30Z</example>
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Its Chatwoot integration; null when there is none.</summary>
    [JsonPropertyName("chatwoot")] public required InstanceChatwoot? Chatwoot { get; init; }
}
