namespace RyzeApi.Application.Common.Abstractions;

/// <summary>A client's Idempotency-Key, scoped to its account and operation, with a fingerprint of the request.</summary>
public sealed record IdempotencyKey(Guid AccountId, string Operation, string Key, byte[] Fingerprint);
