using Dapper;
using Npgsql;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

/// <summary>The outbox in PostgreSQL. Claims are serialised by a transaction-scoped advisory lock (they
/// take milliseconds), so two processes never hand out rows of one chat out of order; the rows
/// themselves are taken with <c>FOR UPDATE SKIP LOCKED</c> and leased, so a crashed worker's rows come back.</summary>
internal sealed class OutboxRepository(NpgsqlDataSource dataSource) : IOutbox
{
    public const long ClaimLockKey = 0x52797A654F757462; // "RyzeOutb"

    private const string EnqueueSql = """
        INSERT INTO outbox (integration_id, kind, chat_key, dedupe_key, payload)
        VALUES (@IntegrationId, @Kind, @ChatKey, @DedupeKey, @Payload::jsonb)
        ON CONFLICT (integration_id, dedupe_key) DO NOTHING
        RETURNING id
        """;

    private const string ClaimSql = """
        WITH candidates AS (
            SELECT o.id
            FROM outbox o
            JOIN chatwoot_integrations i ON i.id = o.integration_id AND NOT i.deliveries_halted
            WHERE o.status = 'pending' AND o.next_attempt_at <= now()
              AND (o.leased_until IS NULL OR o.leased_until < now())
              AND NOT EXISTS (
                  SELECT 1 FROM outbox e
                  WHERE e.integration_id = o.integration_id AND e.chat_key = o.chat_key AND e.status = 'pending' AND e.id < o.id
                    AND (e.leased_until >= now() OR e.next_attempt_at > now()))
            ORDER BY o.id
            LIMIT @Max
            FOR UPDATE OF o SKIP LOCKED)
        UPDATE outbox o
        SET leased_until = now() + @Lease, leased_by = @Worker, attempts = o.attempts + 1, updated_at = now()
        FROM candidates c
        WHERE o.id = c.id
        RETURNING o.id AS Id, o.integration_id AS IntegrationId, o.kind AS Kind, o.chat_key AS ChatKey,
                  o.payload::text AS Payload, o.attempts AS Attempts
        """;

    private const string CompleteSql = """
        UPDATE outbox SET status = 'done', leased_until = NULL, last_error = '', updated_at = now() WHERE id = @Id
        """;

    private const string LinkSql = """
        INSERT INTO message_links (integration_id, whatsapp_id, chatwoot_message_id, chatwoot_conversation_id, direction)
        VALUES (@IntegrationId, @WhatsAppId, @ChatwootMessageId, @ChatwootConversationId, @Direction)
        ON CONFLICT (integration_id, whatsapp_id) DO NOTHING
        """;

    private const string RetrySql = """
        UPDATE outbox SET leased_until = NULL, next_attempt_at = @NotBefore, last_error = @Error, updated_at = now()
        WHERE id = @Id AND status = 'pending'
        """;

    private const string ReleaseSql = """
        UPDATE outbox SET leased_until = NULL, attempts = GREATEST(attempts - 1, 0), updated_at = now()
        WHERE id = @Id AND status = 'pending'
        """;

    private const string FailSql = """
        UPDATE outbox SET status = 'failed', leased_until = NULL, last_error = @Error, updated_at = now() WHERE id = @Id
        """;

    private const string CountPendingSql = "SELECT count(*) FROM outbox WHERE integration_id = @IntegrationId AND status = 'pending'";

    private readonly NpgsqlDataSource _dataSource = dataSource;

    public Task<bool> EnqueueAsync(NewOutboxItem item, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(EnqueueSql, item, cancellationToken: cancellationToken));
        return id is not null;
    });

    public Task<IReadOnlyList<OutboxItem>> ClaimAsync(string worker, int max, TimeSpan lease, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@Key)", new { Key = ClaimLockKey }, transaction, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<OutboxItem>(new CommandDefinition(
            ClaimSql, new { Worker = worker, Max = max, Lease = lease }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (IReadOnlyList<OutboxItem>)rows.AsList();
    });

    public Task CompleteAsync(OutboxItem item, MessageLink? link, NewOutboxItem? followUp, CancellationToken cancellationToken) =>
        FinishAsync(CompleteSql, new { item.Id }, link, followUp, cancellationToken);

    public Task FailAsync(OutboxItem item, string error, NewOutboxItem? followUp, CancellationToken cancellationToken) =>
        FinishAsync(FailSql, new { item.Id, Error = error }, null, followUp, cancellationToken);

    public Task RetryAsync(OutboxItem item, DateTimeOffset notBefore, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(RetrySql, new { item.Id, NotBefore = notBefore.UtcDateTime, Error = error }, cancellationToken);

    public Task ReleaseAsync(OutboxItem item, CancellationToken cancellationToken) =>
        ExecuteAsync(ReleaseSql, new { item.Id }, cancellationToken);

    public Task<int> PurgeDoneAsync(TimeSpan age, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM outbox WHERE status = 'done' AND updated_at < now() - @Age", new { Age = age }, cancellationToken: cancellationToken));
    });

    public Task<long> CountPendingAsync(string integrationId, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(CountPendingSql, new { IntegrationId = integrationId }, cancellationToken: cancellationToken));
    });

    // The outcome, what it produced (a link, follow-up work) and nothing else, in one transaction.
    private Task FinishAsync(string sql, object parameters, MessageLink? link, NewOutboxItem? followUp, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
            if (link is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(LinkSql, link, transaction, cancellationToken: cancellationToken));
            }

            if (followUp is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(EnqueueSql, followUp, transaction, cancellationToken: cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
        });

    private Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    });
}
