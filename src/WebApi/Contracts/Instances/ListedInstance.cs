using System.Text.Json.Serialization;

namespace RyzeApi.WebApi.Contracts.Instances;

/// <summary>One instance in a list.</summary>
public sealed class ListedInstance
{
    /// <example>suporte</example>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <example>2026-04-20T10:15:30Z</example>
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("chatwoot")] public required InstanceChatwoot? Chatwoot { get; init; }
}
