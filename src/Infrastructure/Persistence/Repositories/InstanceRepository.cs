using Dapper;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

internal sealed class InstanceRepository(NpgsqlDataSource dataSource) : IInstanceRepository
{
    private const string FindByNameSql = $"""
        SELECT id AS {nameof(InstanceRow.Id)}, account_id AS {nameof(InstanceRow.AccountId)},
               name AS {nameof(InstanceRow.Name)}, created_at AS {nameof(InstanceRow.CreatedAt)}
        FROM instances WHERE name = @Name
        """;

    private const string InsertSql = """
        INSERT INTO instances (id, account_id, name, token_hash, created_at)
        VALUES (@Id, @AccountId, @Name, @TokenHash, @CreatedAt)
        """;

    private const string ListSql = $"""
        SELECT i.name AS {nameof(SummaryRow.Name)}, i.created_at AS {nameof(SummaryRow.CreatedAt)},
               c.id AS {nameof(SummaryRow.IntegrationId)}, c.status AS {nameof(SummaryRow.Status)}
        FROM instances i LEFT JOIN chatwoot_integrations c ON c.instance_id = i.id
        WHERE i.account_id = @AccountId AND (@Names::text[] IS NULL OR i.name = ANY(@Names))
        ORDER BY i.created_at, i.name
        """;

    private const string DeleteSql = "DELETE FROM instances WHERE id = @Id";
    public Task<InstanceRecord?> FindByNameAsync(string name, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InstanceRow>(
            new CommandDefinition(FindByNameSql, new { Name = name }, cancellationToken: cancellationToken));
        return row is null ? null : new InstanceRecord(row.Id, row.AccountId, row.Name, Db.Utc(row.CreatedAt));
    });

    public Task<CreateInstanceOutcome> CreateAsync(InstanceRecord instance, byte[] tokenHash, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertSql,
                new { instance.Id, instance.AccountId, instance.Name, TokenHash = tokenHash, CreatedAt = instance.CreatedAt.UtcDateTime },
                cancellationToken: cancellationToken));
            return CreateInstanceOutcome.Created;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return exception.ConstraintName == "instances_name_key" ? CreateInstanceOutcome.NameTaken : CreateInstanceOutcome.TokenTaken;
        }
    });

    public Task<IReadOnlyList<InstanceSummary>> ListAsync(
        Guid accountId, IReadOnlyCollection<string>? names, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(
            ListSql, new { AccountId = accountId, Names = names?.ToArray() }, cancellationToken: cancellationToken));
        return (IReadOnlyList<InstanceSummary>)rows
            .Select(r => new InstanceSummary(
                r.Name, Db.Utc(r.CreatedAt), r.IntegrationId, r.Status is null ? null : IntegrationStatusNames.Parse(r.Status)))
            .ToList();
    });

    public Task<bool> DeleteAsync(Guid instanceId, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Id = instanceId }, cancellationToken: cancellationToken)) > 0;
    });

    private sealed class InstanceRow
    {
        public Guid Id { get; init; }

        public Guid AccountId { get; init; }

        public string Name { get; init; } = string.Empty;

        public DateTime CreatedAt { get; init; }
    }

    private sealed class SummaryRow
    {
        public string Name { get; init; } = string.Empty;

        public DateTime CreatedAt { get; init; }

        public string? IntegrationId { get; init; }

        public string? Status { get; init; }
    }
}
