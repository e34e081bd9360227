namespace RyzeApi.WebApi.Errors;

/// <summary>The body of every error of every endpoint: <c>{"success": false, "error": {"message": "…"}}</c>.</summary>
public sealed class ErrorEnvelope
{
    /// <summary>Always false.</summary>
    /// <example>false</example>
    [JsonPropertyName("success")]
    public bool Success => false;

    [JsonPropertyName("error")]
    public required ErrorDetail Error { get; init; }

    public static ErrorEnvelope Of(string message) => new() { Error = new ErrorDetail(message) };
}
