namespace RyzeApi.Application.Common.Abstractions;

/// <summary>The outcome of claiming an Idempotency-Key.</summary>
public sealed record IdempotencyClaim(IdempotencyClaimOutcome Outcome, string? StoredResponse = null);
