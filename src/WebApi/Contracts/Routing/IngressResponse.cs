using RyzeApi.Application.Routing.Commands;

namespace RyzeApi.WebApi.Contracts.Routing;

/// <summary>The answer to a webhook or engine event: what became of it.</summary>
public sealed class IngressResponse
{
    /// <summary>Always true.</summary>
    /// <example>true</example>
    [JsonPropertyName("success")] public bool Success => true;

    /// <summary><c>accepted</c> (recorded for delivery), <c>duplicate</c> (already recorded) or <c>ignored</c> (not routed).</summary>
    /// <example>accepted</example>
    [JsonPropertyName("outcome")] public required string Outcome { get; init; }

    /// <summary>What was done with the event, in words.</summary>
    /// <example>event recorded for delivery</example>
    [JsonPropertyName("message")] public required string Message { get; init; }

    public static IngressResponse From(IngressResult result) => new() { Outcome = result.Outcome, Message = result.Message };
}
