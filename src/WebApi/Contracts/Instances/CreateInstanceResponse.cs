using System.Text.Json.Serialization;

namespace RyzeApi.WebApi.Contracts.Instances;

/// <summary>201 of <c>POST /api/instance/new</c>.</summary>
public sealed class CreateInstanceResponse
{
    /// <example>true</example>
    [JsonPropertyName("success")] public bool Success => true;

    /// <example>Instance created</example>
    [JsonPropertyName("message")] public string Message => "Instance created";

    [JsonPropertyName("instance")] public required CreatedInstance Instance { get; init; }

    /// <summary>null without inline activation; otherwise its outcome.</summary>
    [JsonPropertyName("chatwoot")] public required InstanceChatwoot? Chatwoot { get; init; }
}
