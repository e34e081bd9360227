using Dapper;
using RyzeApi.Application.Routing.Model;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

internal sealed class RoutingIntegrations(NpgsqlDataSource dataSource) : IRoutingIntegrations
{
    // The body's ids are not verified yet: they only choose which link and chat rows come back, and the
    // handler uses them only after the secret and signature check out.
    private const string WebhookSql = """
        SELECT i.id AS IntegrationId, i.instance_id AS InstanceId, i.webhook_secret_hash AS WebhookSecretHash,
               i.inbox_secret_key_id AS InboxSecretKeyId, i.inbox_secret_ciphertext AS InboxSecretCiphertext,
               (SELECT l.direction FROM message_links l WHERE l.integration_id = i.id AND l.chatwoot_message_id = @MessageId
                ORDER BY l.direction LIMIT 1) AS LinkDirection,
               c.chat_jid IS NOT NULL AS HasChat, c.chat_jid AS ChatJid, c.contact_id AS ContactId, c.contact_source_id AS ContactSourceId,
               c.conversation_id AS ConversationId, c.conversation_status AS ConversationStatus, c.phone_jid AS PhoneJid, c.lid AS Lid
        FROM chatwoot_integrations i
        LEFT JOIN chatwoot_conversations v ON v.integration_id = i.id AND v.conversation_id = @ConversationId
        LEFT JOIN chatwoot_chats c ON c.integration_id = v.integration_id AND c.chat_jid = v.chat_jid
        WHERE i.id = @Id
        """;

    private const string EngineEventSql = """
        SELECT n.id AS InstanceId, n.account_id AS AccountId, n.name AS Name, n.created_at AS CreatedAt,
               i.id AS IntegrationId, coalesce(i.ignore_groups, false) AS IgnoreGroups
        FROM instances n LEFT JOIN chatwoot_integrations i ON i.instance_id = n.id
        WHERE n.name = @Name
        """;

    private const string TargetSql = $"""
        SELECT i.id AS {nameof(IntegrationRow.Id)}, i.instance_id AS {nameof(IntegrationRow.InstanceId)},
               i.base_url AS {nameof(IntegrationRow.BaseUrl)}, i.chatwoot_account_id AS {nameof(IntegrationRow.ChatwootAccountId)},
               i.api_token_key_id AS {nameof(IntegrationRow.ApiTokenKeyId)}, i.api_token_ciphertext AS {nameof(IntegrationRow.ApiTokenCiphertext)},
               i.inbox_id AS {nameof(IntegrationRow.InboxId)}, i.inbox_name AS {nameof(IntegrationRow.InboxName)},
               i.sign_messages AS {nameof(IntegrationRow.SignMessages)}, i.ignore_groups AS {nameof(IntegrationRow.IgnoreGroups)},
               i.start_as_pending AS {nameof(IntegrationRow.StartAsPending)}, i.reopen_resolved AS {nameof(IntegrationRow.ReopenResolved)},
               i.mark_read_on_reply AS {nameof(IntegrationRow.MarkReadOnReply)},
               i.status AS {nameof(IntegrationRow.Status)}, i.last_error AS {nameof(IntegrationRow.LastError)},
               i.created_at AS {nameof(IntegrationRow.CreatedAt)}, n.name AS {nameof(IntegrationRow.InstanceName)},
               i.deliveries_halted AS {nameof(IntegrationRow.DeliveriesHalted)}
        FROM chatwoot_integrations i JOIN instances n ON n.id = i.instance_id
        WHERE i.id = @Id
        """;

    // A halt (Chatwoot rejected the token) stays until the integration is activated again: a batch that began before it
    // and succeeded after it must not turn the integration back to active.
    private const string SetHealthSql = """
        UPDATE chatwoot_integrations
        SET status = @Status, last_error = @LastError, deliveries_halted = deliveries_halted OR @Halt, updated_at = now()
        WHERE id = @Id AND (@Halt OR NOT deliveries_halted)
        """;
    public Task<WebhookLookup?> FindWebhookAsync(string integrationId, long? chatwootMessageId, long? conversationId, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<WebhookRow>(new CommandDefinition(
                WebhookSql, new { Id = integrationId, MessageId = chatwootMessageId, ConversationId = conversationId }, cancellationToken: cancellationToken));
            if (row is null)
            {
                return null;
            }

            var credentials = new WebhookCredentials(row.IntegrationId, row.InstanceId, row.WebhookSecretHash,
                row.InboxSecretKeyId is null || row.InboxSecretCiphertext is null ? null : new ProtectedSecret(row.InboxSecretKeyId, row.InboxSecretCiphertext));
            var chat = row.HasChat
                ? new RoutedChat(row.IntegrationId, row.ChatJid!, row.ContactId!.Value, row.ContactSourceId!, row.ConversationId, row.ConversationStatus, row.PhoneJid, row.Lid)
                : null;
            return new WebhookLookup(credentials, row.LinkDirection is null ? null : MessageDirectionNames.Parse(row.LinkDirection), chat);
        });

    public Task<EngineEventTarget?> FindEngineEventTargetAsync(string instanceName, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EngineEventRow>(
            new CommandDefinition(EngineEventSql, new { Name = instanceName }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new EngineEventTarget(
                new InstanceRecord(row.InstanceId, row.AccountId, row.Name, Db.Utc(row.CreatedAt)),
                row.IntegrationId, row.IgnoreGroups);
    });

    public Task<DeliveryTarget?> FindDeliveryTargetAsync(string integrationId, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
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
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                SetHealthSql, new { Id = integrationId, Status = status.ToName(), LastError = PostgresText.WithoutNul(lastError), Halt = halt }, cancellationToken: cancellationToken));
        });

    private sealed class WebhookRow
    {
        public string IntegrationId { get; init; } = string.Empty;

        public Guid InstanceId { get; init; }

        public byte[] WebhookSecretHash { get; init; } = [];

        public string? InboxSecretKeyId { get; init; }

        public byte[]? InboxSecretCiphertext { get; init; }

        public string? LinkDirection { get; init; }

        public bool HasChat { get; init; }

        public string? ChatJid { get; init; }

        public long? ContactId { get; init; }

        public string? ContactSourceId { get; init; }

        public long? ConversationId { get; init; }

        public string? ConversationStatus { get; init; }

        public string? PhoneJid { get; init; }

        public string? Lid { get; init; }
    }

    private sealed class EngineEventRow
    {
        public Guid InstanceId { get; init; }

        public Guid AccountId { get; init; }

        public string Name { get; init; } = string.Empty;

        public DateTime CreatedAt { get; init; }

        public string? IntegrationId { get; init; }

        public bool IgnoreGroups { get; init; }
    }
}
