using Dapper;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

/// <summary>Claims keys with <c>INSERT … ON CONFLICT DO NOTHING</c> on the primary key, so two concurrent
/// requests with one key can never both proceed. Keys live 24 h; a claim left unfinished by a crashed
/// process is taken over after <see cref="AbandonedAfter"/>.</summary>
internal sealed class IdempotencyStore(NpgsqlDataSource dataSource) : IIdempotencyStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private const string ExpireSql = """
        DELETE FROM idempotency_keys
        WHERE created_at < now() - @Lifetime
           OR (account_id = @AccountId AND operation = @Operation AND key = @Key AND response IS NULL AND created_at < now() - @AbandonedAfter)
        """;

    private const string ClaimSql = """
        INSERT INTO idempotency_keys (account_id, operation, key, fingerprint) VALUES (@AccountId, @Operation, @Key, @Fingerprint)
        ON CONFLICT DO NOTHING
        """;

    private const string ReadSql = $"""
        SELECT fingerprint AS {nameof(KeyRow.Fingerprint)}, response AS {nameof(KeyRow.Response)}
        FROM idempotency_keys WHERE account_id = @AccountId AND operation = @Operation AND key = @Key
        """;

    private const string ReleaseSql = """
        DELETE FROM idempotency_keys WHERE account_id = @AccountId AND operation = @Operation AND key = @Key AND response IS NULL
        """;
    public Task<IdempotencyClaim> ClaimAsync(IdempotencyKey key, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { key.AccountId, key.Operation, key.Key, key.Fingerprint, Lifetime, AbandonedAfter };
        await connection.ExecuteAsync(new CommandDefinition(ExpireSql, args, cancellationToken: cancellationToken));
        if (await connection.ExecuteAsync(new CommandDefinition(ClaimSql, args, cancellationToken: cancellationToken)) == 1)
        {
            return new IdempotencyClaim(IdempotencyClaimOutcome.Claimed);
        }

        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(ReadSql, args, cancellationToken: cancellationToken));
        if (row is null)
        {
            // Released between our insert and read: the caller may simply retry.
            return new IdempotencyClaim(IdempotencyClaimOutcome.InProgress);
        }

        if (!row.Fingerprint.AsSpan().SequenceEqual(key.Fingerprint))
        {
            return new IdempotencyClaim(IdempotencyClaimOutcome.Mismatch);
        }

        return row.Response is null
            ? new IdempotencyClaim(IdempotencyClaimOutcome.InProgress)
            : new IdempotencyClaim(IdempotencyClaimOutcome.Replay, row.Response);
    });

    public Task ReleaseAsync(IdempotencyKey key, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            ReleaseSql, new { key.AccountId, key.Operation, key.Key }, cancellationToken: cancellationToken));
    });

    private sealed class KeyRow
    {
        public byte[] Fingerprint { get; init; } = [];

        public string? Response { get; init; }
    }
}
