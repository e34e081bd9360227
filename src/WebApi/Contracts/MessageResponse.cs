namespace RyzeApi.WebApi.Contracts;

/// <summary>A success answer that only confirms.</summary>
public sealed class MessageResponse
{
    /// <summary>Fixed confirmation message.</summary>
    /// <example>chatwoot integration deactivated</example>
    [JsonPropertyName("message")] public required string Message { get; init; }
}
