namespace RyzeApi.Application.Common.Abstractions;

/// <summary>The response to store for a claimed key, written with the state change it belongs to.</summary>
public sealed record IdempotencyCompletion(IdempotencyKey Key, string Response);
