namespace RyzeApi.WebApi.Errors;

/// <summary>What went wrong, as an actionable sentence.</summary>
public sealed record ErrorDetail([property: JsonPropertyName("message")] string Message);
