namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Claims Idempotency-Key values atomically (a unique key, not check-then-insert). A claim is
/// completed in the same transaction as the state change it guards, or released when the request fails.</summary>
public interface IIdempotencyStore
{
    Task<IdempotencyClaim> ClaimAsync(IdempotencyKey key, CancellationToken cancellationToken);

    Task ReleaseAsync(IdempotencyKey key, CancellationToken cancellationToken);
}
