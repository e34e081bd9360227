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

    // Rows of one chat are numbered in the order they commit: the chat's lock is taken before the id is drawn
    // and held until commit. Without it two concurrent inserts can commit out of id order, a claim can then
    // see (and hand out) the later row while the earlier one is still invisible, and the earlier one goes to
    // another worker: the chat is split between workers, out of order, with a second contact or conversation.
    // The lock's two-key form (class 0x52797A65, "Ryze") is a key space apart from the claim's single bigint key.
    // Its name is OutboxWriteBatcher.ChatLockName's: a batch takes the same locks up front, in key order.
    private const string InsertUnderChatLockSql = """
        INSERT INTO outbox (integration_id, kind, chat_key, dedupe_key, payload)
        SELECT @IntegrationId, @Kind, @ChatKey, @DedupeKey, @Payload::jsonb
        FROM (SELECT pg_advisory_xact_lock(1383692901, hashtext(@IntegrationId || ' ' || @ChatKey))) AS chat_lock
        """;

    private const string UnlessRecordedSql = """
        ON CONFLICT (integration_id, dedupe_key) DO NOTHING
        RETURNING id
        """;

    private const string EnqueueSql = InsertUnderChatLockSql + "\n" + UnlessRecordedSql;

    // EnqueueSql, on the condition that the integration's credentials, the conversation's chat and the absence of a
    // link for the Chatwoot message are as the webhook handler assumed (WebhookSql reads the same rows).
    private const string EnqueueKnownReplySql = InsertUnderChatLockSql + "\n" + """
        WHERE EXISTS (
                SELECT 1 FROM chatwoot_integrations i
                JOIN chatwoot_conversations v ON v.integration_id = i.id AND v.conversation_id = @ConversationId AND v.chat_jid = @ChatJid
                JOIN chatwoot_chats c ON c.integration_id = v.integration_id AND c.chat_jid = v.chat_jid
                WHERE i.id = @IntegrationId AND i.webhook_secret_hash = @WebhookSecretHash
                  AND i.inbox_secret_key_id IS NOT DISTINCT FROM @InboxSecretKeyId::text
                  AND i.inbox_secret_ciphertext IS NOT DISTINCT FROM @InboxSecretCiphertext::bytea)
          AND NOT EXISTS (SELECT 1 FROM message_links l WHERE l.integration_id = @IntegrationId AND l.chatwoot_message_id = @ChatwootMessageId)
        """ + "\n" + UnlessRecordedSql;

    // A chat is held elsewhere while any of its rows is leased, and a row waits behind an earlier row of its chat that
    // waits for a retry. Those chats are found in one pass over the pending rows (busy), not in one pass per candidate:
    // the planner, estimating few pending rows, otherwise rescans the whole pending index for every candidate.
    private const string ClaimSql = """
        WITH busy AS MATERIALIZED (
            SELECT b.integration_id, b.chat_key, bool_or(b.leased_until >= now()) AS leased,
                   min(b.id) FILTER (WHERE b.next_attempt_at > now()) AS first_waiting
            FROM outbox b
            WHERE b.status = 'pending' AND (b.leased_until >= now() OR b.next_attempt_at > now())
            GROUP BY b.integration_id, b.chat_key),
        candidates AS (
            SELECT o.id
            FROM outbox o
            JOIN chatwoot_integrations i ON i.id = o.integration_id AND NOT i.deliveries_halted
            WHERE o.status = 'pending' AND o.next_attempt_at <= now()
              AND (o.leased_until IS NULL OR o.leased_until < now())
              AND NOT EXISTS (
                  SELECT 1 FROM busy b
                  WHERE b.integration_id = o.integration_id AND b.chat_key = o.chat_key AND (b.leased OR b.first_waiting < o.id))
            ORDER BY o.id
            LIMIT @Max
            FOR UPDATE OF o SKIP LOCKED),
        claimed AS (
            UPDATE outbox o
            SET leased_until = now() + @Lease, leased_by = @Worker, attempts = o.attempts + 1, updated_at = now()
            FROM candidates c
            WHERE o.id = c.id
            RETURNING o.id, o.integration_id, o.kind, o.chat_key, o.payload, o.attempts)
        -- A WhatsApp chat's row comes with what RyzeApi knows of the chat, saving its delivery a read.
        SELECT w.id AS Id, w.integration_id AS IntegrationId, w.kind AS Kind, w.chat_key AS ChatKey,
               w.payload::text AS Payload, w.attempts AS Attempts,
               ch.chat_jid AS ChatJid, ch.contact_id AS ContactId, ch.contact_source_id AS ContactSourceId,
               ch.conversation_id AS ConversationId, ch.conversation_status AS ConversationStatus
        FROM claimed w
        LEFT JOIN chatwoot_chats ch
               ON w.chat_key LIKE 'in:%' AND ch.integration_id = w.integration_id AND ch.chat_jid = substr(w.chat_key, 4)
        ORDER BY w.id
        """;

    private const string CompleteSql = """
        UPDATE outbox SET status = 'done', leased_until = NULL, last_error = '', updated_at = now() WHERE id = @Id
        """;

    private const string LinkSql = """
        INSERT INTO message_links (integration_id, whatsapp_id, chatwoot_message_id, chatwoot_conversation_id, direction)
        VALUES (@IntegrationId, @WhatsAppId, @ChatwootMessageId, @ChatwootConversationId, @Direction)
        ON CONFLICT (integration_id, whatsapp_id) DO NOTHING
        """;

    // Retry and release are fenced by the attempt count: a row re-claimed by another worker (its lease having
    // expired) has a higher count, and this worker must not take it back from that one.
    private const string RetrySql = """
        UPDATE outbox SET leased_until = NULL, next_attempt_at = @NotBefore, last_error = @Error, updated_at = now()
        WHERE id = @Id AND status = 'pending' AND attempts = @Attempts
        """;

    private const string ReleaseSql = """
        UPDATE outbox SET leased_until = NULL, attempts = GREATEST(attempts - 1, 0), updated_at = now()
        WHERE id = @Id AND status = 'pending' AND attempts = @Attempts
        """;

    // Rows locked in id order, as a write batch updates them, so the two never wait on each other in a cycle.
    private const string RenewSql = """
        UPDATE outbox o SET leased_until = now() + @Lease
        FROM (SELECT r.id FROM outbox r
              JOIN unnest(@Ids::bigint[], @Attempts::integer[]) AS held(id, attempts) ON r.id = held.id AND r.attempts = held.attempts
              WHERE r.status = 'pending' AND r.leased_until > now()
              ORDER BY r.id FOR UPDATE OF r) AS locked
        WHERE o.id = locked.id
        RETURNING o.id
        """;

    private const string FailSql = """
        UPDATE outbox SET status = 'failed', leased_until = NULL, last_error = @Error, updated_at = now() WHERE id = @Id
        """;

    // Orphans: the per-message tables have no foreign key (migration 0003), so a row written just after its
    // integration was deleted stays behind; it is never claimed, and goes here.
    private const string PurgeSql = """
        WITH old AS (DELETE FROM outbox WHERE status = 'done' AND updated_at < now() - @Age RETURNING 1),
             orphans AS (DELETE FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM chatwoot_integrations i WHERE i.id = o.integration_id) RETURNING 1),
             orphan_links AS (DELETE FROM message_links l WHERE NOT EXISTS (SELECT 1 FROM chatwoot_integrations i WHERE i.id = l.integration_id) RETURNING 1)
        SELECT (SELECT count(*) FROM old) + (SELECT count(*) FROM orphans) + (SELECT count(*) FROM orphan_links)
        """;

    private const string CountPendingSql = "SELECT count(*) FROM outbox WHERE integration_id = @IntegrationId AND status = 'pending'";
    // Two group-commit writers: what ingress records (answered only after its commit) never waits for a flusher busy
    // with the workers' completions, which at high rates are the larger and slower batches.
    private readonly OutboxWriteBatcher _ingressWrites = new(dataSource);
    private readonly OutboxWriteBatcher _writes = new(dataSource);

    // Through the batcher: concurrent events share one round trip (group commit).
    public Task<bool> EnqueueAsync(NewOutboxItem item, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        var affected = await _ingressWrites.WriteAsync(() => [Command(EnqueueSql, item)], [ChatLock(item)], 0, cancellationToken);
        return affected[0] == 1;
    });

    public Task<bool> EnqueueKnownReplyAsync(NewOutboxItem item, KnownReply expected, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        var credentials = expected.Credentials;
        var parameters = new
        {
            item.IntegrationId, item.Kind, item.ChatKey, item.DedupeKey, item.Payload,
            expected.ConversationId, expected.ChatJid, expected.ChatwootMessageId, credentials.WebhookSecretHash,
            InboxSecretKeyId = credentials.InboxSecret?.KeyId, InboxSecretCiphertext = credentials.InboxSecret?.Ciphertext,
        };
        var affected = await _ingressWrites.WriteAsync(() => [Command(EnqueueKnownReplySql, parameters)], [ChatLock(item)], 0, cancellationToken);
        return affected[0] == 1;
    });

    // One round trip: the claim lock is held only while PostgreSQL runs the claim, never across the network.
    // The lock is its own statement so that the claim's snapshot is taken after it, and sees the leases of the
    // claim before.
    public Task<IReadOnlyList<OutboxItem>> ClaimAsync(string worker, int max, TimeSpan lease, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = connection.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        batch.BatchCommands.Add(Command("SELECT pg_advisory_xact_lock(@Key)::text AS locked", new { Key = ClaimLockKey }));
        batch.BatchCommands.Add(Command(ClaimSql, new { Worker = worker, Max = max, Lease = lease }));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var items = new List<OutboxItem>();
        do
        {
            if (reader.FieldCount > 1)
            {
                var parse = reader.GetRowParser<ClaimedRow>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    items.Add(parse(reader).ToItem());
                }
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return (IReadOnlyList<OutboxItem>)items;
    });

    public Task CompleteAsync(OutboxItem item, MessageLink? link, NewOutboxItem? followUp, CancellationToken cancellationToken) =>
        FinishAsync(item.Id, CompleteSql, new { item.Id }, link, followUp, cancellationToken);

    public Task FailAsync(OutboxItem item, string error, NewOutboxItem? followUp, CancellationToken cancellationToken) =>
        FinishAsync(item.Id, FailSql, new { item.Id, Error = error }, null, followUp, cancellationToken);

    public Task RetryAsync(OutboxItem item, DateTimeOffset notBefore, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(RetrySql, new { item.Id, item.Attempts, NotBefore = notBefore.UtcDateTime, Error = PostgresText.WithoutNul(error) }, cancellationToken);

    public Task ReleaseAsync(OutboxItem item, CancellationToken cancellationToken) =>
        ExecuteAsync(ReleaseSql, new { item.Id, item.Attempts }, cancellationToken);

    public Task<IReadOnlyCollection<long>> RenewLeasesAsync(IReadOnlyCollection<OutboxItem> items, TimeSpan lease, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            if (items.Count == 0)
            {
                return (IReadOnlyCollection<long>)[];
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var renewed = await connection.QueryAsync<long>(new CommandDefinition(
                RenewSql,
                new { Ids = items.Select(i => i.Id).ToArray(), Attempts = items.Select(i => i.Attempts).ToArray(), Lease = lease },
                cancellationToken: cancellationToken));
            return (IReadOnlyCollection<long>)renewed.AsList();
        });

    public Task<int> PurgeDoneAsync(TimeSpan age, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(PurgeSql, new { Age = age }, cancellationToken: cancellationToken));
    });

    public Task<long> CountPendingAsync(string integrationId, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(CountPendingSql, new { IntegrationId = integrationId }, cancellationToken: cancellationToken));
    });

    // The outcome and what it produced (a link, follow-up work) in one transaction, sent as one batch together
    // with whatever else this process is writing at that moment.
    private Task FinishAsync(long id, string sql, object parameters, MessageLink? link, NewOutboxItem? followUp, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            IReadOnlyList<NpgsqlBatchCommand> Commands()
            {
                List<NpgsqlBatchCommand> commands = [Command(sql, parameters)];
                if (link is not null)
                {
                    commands.Add(Command(LinkSql, link));
                }

                if (followUp is not null)
                {
                    commands.Add(Command(EnqueueSql, followUp));
                }

                return commands;
            }

            await _writes.WriteAsync(Commands, followUp is null ? [] : [ChatLock(followUp)], id, cancellationToken);
        });

    // The chat key as stored (Command strips NUL from it), so the lock is the lane's.
    private static string ChatLock(NewOutboxItem item) => OutboxWriteBatcher.ChatLockName(item.IntegrationId, PostgresText.WithoutNul(item.ChatKey));

    /// <summary>Dapper-style named parameters (<c>@Name</c> from the object's properties) for a batch command.</summary>
    private static NpgsqlBatchCommand Command(string sql, object parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var property in parameters.GetType().GetProperties())
        {
            if (sql.Contains("@" + property.Name, StringComparison.Ordinal))
            {
                var value = property.GetValue(parameters) switch
                {
                    string json when property.Name == nameof(NewOutboxItem.Payload) => PostgresText.JsonWithoutNul(json),
                    string text => PostgresText.WithoutNul(text),
                    var other => other,
                };
                command.Parameters.AddWithValue(property.Name, value ?? DBNull.Value);
            }
        }

        return command;
    }

    private Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    });

    private sealed class ClaimedRow
    {
        public long Id { get; init; }

        public string IntegrationId { get; init; } = string.Empty;

        public string Kind { get; init; } = string.Empty;

        public string ChatKey { get; init; } = string.Empty;

        public string Payload { get; init; } = string.Empty;

        public int Attempts { get; init; }

        public string? ChatJid { get; init; }

        public long? ContactId { get; init; }

        public string? ContactSourceId { get; init; }

        public long? ConversationId { get; init; }

        public string? ConversationStatus { get; init; }

        public OutboxItem ToItem() => new(Id, IntegrationId, Kind, ChatKey, Payload, Attempts,
            ChatJid is null ? null : new RoutedChat(IntegrationId, ChatJid, ContactId!.Value, ContactSourceId!, ConversationId, ConversationStatus));
    }
}
