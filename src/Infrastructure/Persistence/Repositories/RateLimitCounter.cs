using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

/// <summary>One upsert per count: concurrent requests of one partition queue on its row lock for a few
/// microseconds each, which is nothing at the limits RyzeApi enforces. The partition is stored as the first 16 bytes
/// of its SHA-256, so the key has a fixed width whatever a caller puts in a path.</summary>
internal sealed class RateLimitCounter(NpgsqlDataSource dataSource) : IRateLimitCounter
{
    private const string AddSql = """
        INSERT INTO rate_limit_windows AS w (policy, partition_key, window_start, hits) VALUES (@Policy, @Key, @WindowStart, @Permits)
        ON CONFLICT (policy, partition_key, window_start) DO UPDATE SET hits = w.hits + EXCLUDED.hits
        RETURNING hits
        """;

    private const string PurgeSql = "DELETE FROM rate_limit_windows WHERE window_start < @Before";

    public Task<long> AddAsync(string policy, string partition, DateTimeOffset windowStart, int permits, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var args = new { Policy = policy, Key = KeyOf(partition), WindowStart = windowStart.UtcDateTime, Permits = (long)permits };
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(AddSql, args, cancellationToken: cancellationToken));
        });

    public Task PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(PurgeSql, new { Before = before.UtcDateTime }, cancellationToken: cancellationToken));
    });

    private static byte[] KeyOf(string partition) => SHA256.HashData(Encoding.UTF8.GetBytes(partition))[..16];
}
