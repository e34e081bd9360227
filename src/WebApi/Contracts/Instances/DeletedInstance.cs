using System.Text.Json.Serialization;

namespace RyzeApi.WebApi.Contracts.Instances;

public sealed class DeletedInstance
{
    /// <example>deleted</example>
    [JsonPropertyName("status")] public string Status => "deleted";
}
