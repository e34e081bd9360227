namespace RyzeApi.WebApi.Contracts.Instances;

/// <summary>200 of <c>DELETE /api/instance/delete/{instance}</c>.</summary>
public sealed class DeleteInstanceResponse
{
    /// <summary>Always true.</summary>
    /// <example>true</example>
    [JsonPropertyName("success")] public bool Success => true;

    /// <summary>Fixed confirmation message.</summary>
    /// <example>Instance deleted</example>
    [JsonPropertyName("message")] public string Message => "Instance deleted";

    /// <summary>What became of the instance.</summary>
    [JsonPropertyName("instance")] public DeletedInstance Instance { get; } = new();
}
