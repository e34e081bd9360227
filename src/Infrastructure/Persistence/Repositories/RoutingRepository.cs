using Dapper;
using RyzeApi.Application.Routing.Model;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

internal sealed class RoutingRepository(NpgsqlDataSource dataSource) : IRoutingRepository
{
    private const string ChatColumns = """
        c.integration_id AS IntegrationId, c.chat_jid AS ChatJid, c.contact_id AS ContactId,
        c.contact_source_id AS ContactSourceId, c.conversation_id AS ConversationId, c.conversation_status AS ConversationStatus,
        c.phone_jid AS PhoneJid, c.lid AS Lid
        """;

    // Three index probes (the key, the LID, the phone JID); the chat keyed by the lane comes first.
    private const string FindChatsSql = $"""
        SELECT {ChatColumns} FROM chatwoot_chats c
        WHERE c.integration_id = @IntegrationId AND (c.chat_jid = @ChatJid OR c.lid = @Lid OR c.phone_jid = @PhoneJid)
        ORDER BY c.chat_jid = @ChatJid DESC, c.lid = @Lid DESC NULLS LAST
        """;

    private const string SaveChatSql = """
        INSERT INTO chatwoot_chats (integration_id, chat_jid, contact_id, contact_source_id, conversation_id, conversation_status, phone_jid, lid)
        VALUES (@IntegrationId, @ChatJid, @ContactId, @ContactSourceId, @ConversationId, @ConversationStatus, @PhoneJid, @Lid)
        ON CONFLICT (integration_id, chat_jid) DO UPDATE SET
            contact_id = EXCLUDED.contact_id, contact_source_id = EXCLUDED.contact_source_id,
            conversation_id = EXCLUDED.conversation_id, conversation_status = EXCLUDED.conversation_status,
            phone_jid = EXCLUDED.phone_jid, lid = EXCLUDED.lid, updated_at = now();
        INSERT INTO chatwoot_conversations (integration_id, conversation_id, chat_jid)
        SELECT @IntegrationId, @ConversationId, @ChatJid WHERE @ConversationId IS NOT NULL
        ON CONFLICT DO NOTHING;
        """;

    // The absorbed chat goes first: its spellings are the survivor's now, and each spelling names one chat.
    private const string AbsorbChatSql = """
        UPDATE chatwoot_conversations SET chat_jid = @ChatJid WHERE integration_id = @IntegrationId AND chat_jid = @Absorbed;
        DELETE FROM chatwoot_chats WHERE integration_id = @IntegrationId AND chat_jid = @Absorbed;
        """;

    private const string SetConversationStatusSql = """
        UPDATE chatwoot_chats SET conversation_status = @Status, updated_at = now()
        WHERE integration_id = @IntegrationId AND conversation_id = @ConversationId
        """;

    private const string FindLinkSql = """
        SELECT integration_id AS IntegrationId, whatsapp_id AS WhatsAppId, chatwoot_message_id AS ChatwootMessageId,
               chatwoot_conversation_id AS ChatwootConversationId, direction AS Direction
        FROM message_links WHERE integration_id = @IntegrationId AND whatsapp_id = @WhatsAppId
        """;

    // The engine's reports are outbox rows deduplicated by MessageStatusChange.DedupeKeyOf: three probes of the
    // (integration_id, dedupe_key) unique index. 'done' includes a report skipped because its message was not known
    // yet: the engine did report it, and showing it late is right.
    private const string LatestReportShownSql = """
        SELECT CASE dedupe_key WHEN @Read THEN 'read' WHEN @Delivered THEN 'delivered' ELSE 'failed' END FROM outbox
        WHERE integration_id = @IntegrationId AND status = 'done' AND dedupe_key IN (@Read, @Delivered, @Failed)
        ORDER BY CASE dedupe_key WHEN @Read THEN 0 WHEN @Delivered THEN 1 ELSE 2 END
        LIMIT 1
        """;

    // The chat's lane of replies, through outbox_pending_idx (integration_id, lane_kind, lane_key, id).
    private const string ReplyInFlightSql = """
        SELECT EXISTS (
            SELECT 1 FROM outbox
            WHERE integration_id = @IntegrationId AND lane_kind = 'reply' AND status = 'pending' AND leased_until > now()
              AND (lane_key IN (@ChatJid, @OtherKey)
                   -- A reply's lane is the chat's key (often the LID); its echo may name the person by phone alone.
                   OR lane_key IN (SELECT chat_jid FROM chatwoot_chats
                                   WHERE integration_id = @IntegrationId AND (phone_jid IN (@ChatJid, @OtherKey) OR lid IN (@ChatJid, @OtherKey)))))
        """;
    public Task<IReadOnlyList<RoutedChat>> FindChatsAsync(
        string integrationId, string chatKey, string? phoneJid, string? lid, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var chats = await connection.QueryAsync<RoutedChat>(new CommandDefinition(
            FindChatsSql, new { IntegrationId = integrationId, ChatJid = chatKey, PhoneJid = phoneJid, Lid = lid }, cancellationToken: cancellationToken));
        return (IReadOnlyList<RoutedChat>)[.. chats];
    });

    public Task SaveChatAsync(RoutedChat chat, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SaveChatSql, Stored(chat), cancellationToken: cancellationToken));
    });

    public Task AbsorbChatAsync(RoutedChat survivor, string absorbedChatJid, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = Stored(survivor);
        await connection.ExecuteAsync(new CommandDefinition(
            AbsorbChatSql, new { stored.IntegrationId, stored.ChatJid, Absorbed = PostgresText.WithoutNul(absorbedChatJid) }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(SaveChatSql, stored, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    });

    // What Chatwoot answered (its contact source id, the conversation's status) and the WhatsApp chat id: none may
    // carry a NUL into PostgreSQL, which refuses it (docs/adr/0014-hostile-text.md).
    private static RoutedChat Stored(RoutedChat chat) => chat with
    {
        ChatJid = PostgresText.WithoutNul(chat.ChatJid),
        ContactSourceId = PostgresText.WithoutNul(chat.ContactSourceId),
        ConversationStatus = chat.ConversationStatus is null ? null : PostgresText.WithoutNul(chat.ConversationStatus),
        PhoneJid = chat.PhoneJid is null ? null : PostgresText.WithoutNul(chat.PhoneJid),
        Lid = chat.Lid is null ? null : PostgresText.WithoutNul(chat.Lid),
    };

    public Task SetConversationStatusAsync(string integrationId, long conversationId, string status, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                SetConversationStatusSql, new { IntegrationId = integrationId, ConversationId = conversationId, Status = PostgresText.WithoutNul(status) },
                cancellationToken: cancellationToken));
        });

    public async Task<MessageLink?> FindLinkAsync(string integrationId, string whatsAppId, CancellationToken cancellationToken) =>
        await QueryAsync<LinkRow>(FindLinkSql, new { IntegrationId = integrationId, WhatsAppId = whatsAppId }, cancellationToken) is { } row
            ? new MessageLink(row.IntegrationId, row.WhatsAppId, row.ChatwootMessageId, row.ChatwootConversationId, MessageDirectionNames.Parse(row.Direction))
            : null;

    public Task<bool> ReplyInFlightAsync(string integrationId, string chatJid, string? otherKey, CancellationToken cancellationToken) =>
        QueryAsync<bool>(ReplyInFlightSql, new { IntegrationId = integrationId, ChatJid = chatJid, OtherKey = otherKey ?? chatJid }, cancellationToken);

    public Task<string?> LatestReportShownAsync(string integrationId, string whatsAppId, CancellationToken cancellationToken) =>
        QueryAsync<string>(LatestReportShownSql, new
        {
            IntegrationId = integrationId,
            Read = MessageStatusChange.DedupeKeyOf(whatsAppId, "read"),
            Delivered = MessageStatusChange.DedupeKeyOf(whatsAppId, "delivered"),
            Failed = MessageStatusChange.DedupeKeyOf(whatsAppId, "failed"),
        }, cancellationToken);

    private sealed record LinkRow(string IntegrationId, string WhatsAppId, long ChatwootMessageId, long ChatwootConversationId, string Direction);

    private Task<T?> QueryAsync<T>(string sql, object parameters, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    });
}
