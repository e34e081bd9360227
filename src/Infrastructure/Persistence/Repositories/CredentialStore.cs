using Dapper;
using RyzeApi.Application.Common.Security;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

/// <summary>Looks tokens up by their SHA-256 hash through a unique index: the equality is decided by the
/// index on a hash of the token, so timing says nothing about the token itself.</summary>
internal sealed class CredentialStore(NpgsqlDataSource dataSource) : ICredentialStore
{
    private const string FindSql = $"""
        SELECT id AS {nameof(CallerRow.AccountId)}, NULL::uuid AS {nameof(CallerRow.InstanceId)}, NULL AS {nameof(CallerRow.InstanceName)}
        FROM accounts WHERE token_hash = @TokenHash
        UNION ALL
        SELECT account_id, id, name FROM instances WHERE token_hash = @TokenHash
        LIMIT 1
        """;
    public Task<Caller?> FindByTokenHashAsync(byte[] tokenHash, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CallerRow>(
            new CommandDefinition(FindSql, new { TokenHash = tokenHash }, cancellationToken: cancellationToken));
        return row is null ? null : new Caller(row.AccountId, row.InstanceId, row.InstanceName);
    });

    private sealed class CallerRow
    {
        public Guid AccountId { get; init; }

        public Guid? InstanceId { get; init; }

        public string? InstanceName { get; init; }
    }
}
