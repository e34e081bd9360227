namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Request counts per policy, partition and window, kept in the database so that every replica counts
/// into the same window (docs/adr/0038-rate-limits-shared-by-replicas.md). A partition names who is counted (a
/// token's hash, a client address, an integration id); the store keeps only a hash of it.</summary>
public interface IRateLimitCounter
{
    /// <summary>Adds <paramref name="permits"/> to the count of the window starting at <paramref name="windowStart"/>
    /// in one statement and returns the new count, these permits included.</summary>
    Task<long> AddAsync(string policy, string partition, DateTimeOffset windowStart, int permits, CancellationToken cancellationToken);

    /// <summary>Deletes the counts of windows that started before <paramref name="before"/>.</summary>
    Task PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
