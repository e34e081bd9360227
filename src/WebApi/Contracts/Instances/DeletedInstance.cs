namespace RyzeApi.WebApi.Contracts.Instances;

/// <summary>The deleted instance.</summary>
public sealed class DeletedInstance
{
    /// <summary>Always <c>deleted</c>.</summary>
    /// <example>deleted</example>
    [JsonPropertyName("status")] public string Status => "deleted";
}
