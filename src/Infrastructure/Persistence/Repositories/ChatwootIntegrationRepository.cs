using Dapper;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

internal sealed class ChatwootIntegrationRepository(NpgsqlDataSource dataSource, TimeProvider timeProvider)
    : IChatwootIntegrationRepository
{
    private const string FindByInstanceSql = $"""
        SELECT id AS {nameof(IntegrationRow.Id)}, instance_id AS {nameof(IntegrationRow.InstanceId)},
               base_url AS {nameof(IntegrationRow.BaseUrl)}, chatwoot_account_id AS {nameof(IntegrationRow.ChatwootAccountId)},
               api_token_key_id AS {nameof(IntegrationRow.ApiTokenKeyId)}, api_token_ciphertext AS {nameof(IntegrationRow.ApiTokenCiphertext)},
               inbox_id AS {nameof(IntegrationRow.InboxId)}, inbox_name AS {nameof(IntegrationRow.InboxName)},
               sign_messages AS {nameof(IntegrationRow.SignMessages)}, ignore_groups AS {nameof(IntegrationRow.IgnoreGroups)},
               start_as_pending AS {nameof(IntegrationRow.StartAsPending)}, reopen_resolved AS {nameof(IntegrationRow.ReopenResolved)},
               mark_read_on_reply AS {nameof(IntegrationRow.MarkReadOnReply)},
               status AS {nameof(IntegrationRow.Status)}, last_error AS {nameof(IntegrationRow.LastError)},
               created_at AS {nameof(IntegrationRow.CreatedAt)}
        FROM chatwoot_integrations WHERE instance_id = @InstanceId
        """;

    // Locking the instance row serialises concurrent activations of one instance: the last one wins.
    private const string LockInstanceSql = "SELECT id FROM instances WHERE id = @InstanceId FOR UPDATE";

    private const string DeleteByInstanceSql = "DELETE FROM chatwoot_integrations WHERE instance_id = @InstanceId";

    private const string InsertSql = """
        INSERT INTO chatwoot_integrations (
            id, instance_id, base_url, chatwoot_account_id, api_token_key_id, api_token_ciphertext, inbox_id, inbox_name,
            webhook_secret_hash, inbox_secret_key_id, inbox_secret_ciphertext,
            sign_messages, ignore_groups, start_as_pending, reopen_resolved, mark_read_on_reply, status, last_error, created_at, updated_at)
        VALUES (
            @Id, @InstanceId, @BaseUrl, @ChatwootAccountId, @ApiTokenKeyId, @ApiTokenCiphertext, @InboxId, @InboxName,
            @WebhookSecretHash, @InboxSecretKeyId, @InboxSecretCiphertext,
            @SignMessages, @IgnoreGroups, @StartAsPending, @ReopenResolved, @MarkReadOnReply, @Status, @LastError, @CreatedAt, @CreatedAt)
        """;

    private const string CompleteIdempotencySql = """
        UPDATE idempotency_keys SET response = @Response
        WHERE account_id = @AccountId AND operation = @Operation AND key = @Key
        """;

    private const string UpdateHealthSql = """
        UPDATE chatwoot_integrations SET status = @Status, last_error = @LastError, updated_at = @Now WHERE id = @Id
        """;

    private const string HaltDeliveriesSql = """
        UPDATE chatwoot_integrations SET status = 'error', last_error = @LastError, deliveries_halted = true, updated_at = @Now WHERE id = @Id
        """;

    public Task<StoredChatwootIntegration?> FindByInstanceAsync(Guid instanceId, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IntegrationRow>(
            new CommandDefinition(FindByInstanceSql, new { InstanceId = instanceId }, cancellationToken: cancellationToken));
        return row?.ToStored();
    });

    public Task ReplaceAsync(NewChatwootIntegration integration, IdempotencyCompletion? idempotency, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        var i = integration.Integration;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(LockInstanceSql, new { i.InstanceId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(DeleteByInstanceSql, new { i.InstanceId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            i.Id, i.InstanceId, i.BaseUrl, ChatwootAccountId = i.AccountId,
            ApiTokenKeyId = integration.ApiToken.KeyId, ApiTokenCiphertext = integration.ApiToken.Ciphertext,
            i.InboxId, InboxName = PostgresText.WithoutNul(i.InboxName), integration.WebhookSecretHash,
            InboxSecretKeyId = integration.InboxSecret?.KeyId, InboxSecretCiphertext = integration.InboxSecret?.Ciphertext,
            i.Settings.SignMessages, i.Settings.IgnoreGroups, i.Settings.StartAsPending, i.Settings.ReopenResolved, i.Settings.MarkReadOnReply,
            Status = i.Status.ToName(), LastError = PostgresText.WithoutNul(i.LastError), CreatedAt = i.CreatedAt.UtcDateTime,
        }, transaction, cancellationToken: cancellationToken));
        if (idempotency is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(CompleteIdempotencySql, new
            {
                idempotency.Key.AccountId, idempotency.Key.Operation, idempotency.Key.Key, idempotency.Response,
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    });

    public Task<bool> DeleteByInstanceAsync(Guid instanceId, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(
            new CommandDefinition(DeleteByInstanceSql, new { InstanceId = instanceId }, cancellationToken: cancellationToken)) > 0;
    });

    public Task UpdateHealthAsync(string integrationId, IntegrationStatus status, string lastError, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpdateHealthSql, new
        {
            Id = integrationId, Status = status.ToName(), LastError = PostgresText.WithoutNul(lastError), Now = timeProvider.GetUtcNow().UtcDateTime,
        }, cancellationToken: cancellationToken));
    });

    public Task HaltDeliveriesAsync(string integrationId, string lastError, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(HaltDeliveriesSql, new
        {
            Id = integrationId, LastError = PostgresText.WithoutNul(lastError), Now = timeProvider.GetUtcNow().UtcDateTime,
        }, cancellationToken: cancellationToken));
    });
}
