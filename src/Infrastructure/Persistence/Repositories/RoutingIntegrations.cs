using Dapper;
using Npgsql;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

internal sealed class RoutingIntegrations(NpgsqlDataSource dataSource) : IRoutingIntegrations
{
    private const string WebhookSql = """
        SELECT id AS IntegrationId, instance_id AS InstanceId, webhook_secret_hash AS WebhookSecretHash,
               inbox_secret_key_id AS InboxSecretKeyId, inbox_secret_ciphertext AS InboxSecretCiphertext
        FROM chatwoot_integrations WHERE id = @Id
        """;

    private const string TargetSql = $"""
        SELECT i.id AS {nameof(IntegrationRow.Id)}, i.instance_id AS {nameof(IntegrationRow.InstanceId)},
               i.base_url AS {nameof(IntegrationRow.BaseUrl)}, i.chatwoot_account_id AS {nameof(IntegrationRow.ChatwootAccountId)},
               i.api_token_key_id AS {nameof(IntegrationRow.ApiTokenKeyId)}, i.api_token_ciphertext AS {nameof(IntegrationRow.ApiTokenCiphertext)},
               i.inbox_id AS {nameof(IntegrationRow.InboxId)}, i.inbox_name AS {nameof(IntegrationRow.InboxName)},
               i.sign_messages AS {nameof(IntegrationRow.SignMessages)}, i.ignore_groups AS {nameof(IntegrationRow.IgnoreGroups)},
               i.start_as_pending AS {nameof(IntegrationRow.StartAsPending)}, i.reopen_resolved AS {nameof(IntegrationRow.ReopenResolved)},
               i.status AS {nameof(IntegrationRow.Status)}, i.last_error AS {nameof(IntegrationRow.LastError)},
               i.created_at AS {nameof(IntegrationRow.CreatedAt)}, n.name AS {nameof(IntegrationRow.InstanceName)},
               i.deliveries_halted AS {nameof(IntegrationRow.DeliveriesHalted)}
        FROM chatwoot_integrations i JOIN instances n ON n.id = i.instance_id
        WHERE i.id = @Id
        """;

    private const string SetHealthSql = """
        UPDATE chatwoot_integrations
        SET status = @Status, last_error = @LastError, deliveries_halted = deliveries_halted OR @Halt, updated_at = now()
        WHERE id = @Id
        """;

    private readonly NpgsqlDataSource _dataSource = dataSource;

    public Task<WebhookCredentials?> FindWebhookCredentialsAsync(string integrationId, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<WebhookRow>(
            new CommandDefinition(WebhookSql, new { Id = integrationId }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new WebhookCredentials(row.IntegrationId, row.InstanceId, row.WebhookSecretHash,
                row.InboxSecretKeyId is null || row.InboxSecretCiphertext is null ? null : new ProtectedSecret(row.InboxSecretKeyId, row.InboxSecretCiphertext));
    });

    public Task<DeliveryTarget?> FindDeliveryTargetAsync(string integrationId, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IntegrationRow>(
            new CommandDefinition(TargetSql, new { Id = integrationId }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var stored = row.ToStored();
        return new DeliveryTarget(stored.Integration, row.InstanceName, stored.ApiToken, row.DeliveriesHalted);
    });

    public Task SetHealthAsync(string integrationId, IntegrationStatus status, string lastError, bool halt, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                SetHealthSql, new { Id = integrationId, Status = status.ToName(), LastError = lastError, Halt = halt }, cancellationToken: cancellationToken));
        });

    private sealed class WebhookRow
    {
        public string IntegrationId { get; init; } = string.Empty;

        public Guid InstanceId { get; init; }

        public byte[] WebhookSecretHash { get; init; } = [];

        public string? InboxSecretKeyId { get; init; }

        public byte[]? InboxSecretCiphertext { get; init; }
    }
}
