using System.Text.Json.Serialization;

namespace RyzeApi.WebApi.Contracts.Instances;

/// <summary>200 of <c>DELETE /api/instance/delete/{instance}</c>.</summary>
public sealed class DeleteInstanceResponse
{
    /// <example>true</example>
    [JsonPropertyName("success")] public bool Success => true;

    /// <example>Instance deleted</example>
    [JsonPropertyName("message")] public string Message => "Instance deleted";

    [JsonPropertyName("instance")] public DeletedInstance Instance { get; } = new();
}
