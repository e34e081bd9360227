namespace RyzeApi.WebApi.Contracts.Instances;

/// <summary>201 of <c>POST /api/instance/new</c>.</summary>
public sealed class CreateInstanceResponse
{
    /// <summary>Always true.</summary>
    /// <example>true</example>
    [JsonPropertyName("success")] public bool Success => true;

    /// <summary>Fixed confirmation message.</summary>
    /// <example>Instance created</example>
    [JsonPropertyName("message")] public string Message => "Instance created";

    /// <summary>The new instance.</summary>
    [JsonPropertyName("instance")] public required CreatedInstance Instance { get; init; }

    /// <summary>null without inline activation; otherwise its outcome.</summary>
    [JsonPropertyName("chatwoot")] public required InstanceChatwoot? Chatwoot { get; init; }
}
