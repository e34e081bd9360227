using Dapper;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

internal sealed class AccountRepository(NpgsqlDataSource dataSource) : IAccountRepository
{
    private const string EnsureSql = """
        INSERT INTO accounts (id, name, token_hash) VALUES (@Id, @Name, @TokenHash)
        ON CONFLICT (token_hash) DO NOTHING
        """;
    public Task EnsureAccountAsync(byte[] tokenHash, string name, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            EnsureSql, new { Id = Guid.CreateVersion7(), Name = name, TokenHash = tokenHash }, cancellationToken: cancellationToken));
    });
}
