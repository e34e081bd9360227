namespace RyzeApi.WebApi.RateLimiting;

/// <summary>Whether a request may go on, and how many requests its window has left.</summary>
public readonly record struct RateLimitDecision(bool Allowed, long Remaining);
