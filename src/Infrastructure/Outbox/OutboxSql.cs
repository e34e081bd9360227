namespace RyzeApi.Infrastructure.Outbox;

/// <summary>The outbox's statements. Claims are serialised by a transaction-scoped advisory lock (they take
/// milliseconds), so two processes never hand out rows of one lane out of order; the rows themselves are taken
/// with <c>FOR UPDATE SKIP LOCKED</c> and leased, so a crashed worker's rows come back.</summary>
internal static class OutboxSql
{
    public const long ClaimLockKey = 0x52797A654F757462; // "RyzeOutb"

    // Rows of one lane are numbered in the order they commit: the lane's lock is taken before the id is drawn
    // and held until commit. Without it two concurrent inserts can commit out of id order, a claim can then
    // see (and hand out) the later row while the earlier one is still invisible, and the earlier one goes to
    // another worker: the lane is split between workers, out of order, with a second contact or conversation.
    // The lock's two-key form (class 0x52797A65, "Ryze") is a key space apart from the claim's single bigint key.
    // Its name is GroupCommitWriter.LaneLockName's: a batch takes the same locks up front, in key order.
    private const string InsertUnderLaneLock = """
        INSERT INTO outbox (integration_id, kind, lane_kind, lane_key, dedupe_key, payload, trace_parent)
        SELECT @IntegrationId, @Kind, @LaneKind, @LaneKey, @DedupeKey, @Payload::jsonb, @TraceParent::text
        FROM (SELECT pg_advisory_xact_lock(1383692901, hashtext(@IntegrationId || ' ' || @LaneKind || ':' || @LaneKey))) AS lane_lock
        """;

    private const string UnlessRecorded = """
        ON CONFLICT (integration_id, dedupe_key) DO NOTHING
        RETURNING id
        """;

    public const string Enqueue = InsertUnderLaneLock + "\n" + UnlessRecorded;

    // The media goes in the same statement: it exists exactly when its row was recorded (the count is its own).
    public const string EnqueueWithMedia = "WITH recorded AS (" + Enqueue + """
        )
        INSERT INTO outbox_media (outbox_id, content) SELECT id, @Media FROM recorded
        """;

    // Enqueue, on the condition that the integration's credentials, the conversation's chat and the absence of a
    // link for the Chatwoot message are as the webhook handler assumed (RoutingIntegrations' WebhookSql reads the same rows).
    public const string EnqueueKnownReply = InsertUnderLaneLock + "\n" + """
        WHERE EXISTS (
                SELECT 1 FROM chatwoot_integrations i
                JOIN chatwoot_conversations v ON v.integration_id = i.id AND v.conversation_id = @ConversationId AND v.chat_jid = @ChatJid
                JOIN chatwoot_chats c ON c.integration_id = v.integration_id AND c.chat_jid = v.chat_jid
                WHERE i.id = @IntegrationId AND i.webhook_secret_hash = @WebhookSecretHash
                  AND i.inbox_secret_key_id IS NOT DISTINCT FROM @InboxSecretKeyId::text
                  AND i.inbox_secret_ciphertext IS NOT DISTINCT FROM @InboxSecretCiphertext::bytea)
          AND NOT EXISTS (SELECT 1 FROM message_links l WHERE l.integration_id = @IntegrationId AND l.chatwoot_message_id = @ChatwootMessageId)
        """ + "\n" + UnlessRecorded;

    // A lane is held elsewhere while any of its rows is leased, and a row waits behind an earlier row of its lane that
    // waits for a retry. Those lanes are found in one pass over the pending rows (busy), not in one pass per candidate:
    // the planner, estimating few pending rows, otherwise rescans the whole pending index for every candidate.
    public const string Claim = """
        WITH busy AS MATERIALIZED (
            SELECT b.integration_id, b.lane_kind, b.lane_key, bool_or(b.leased_until >= now()) AS leased,
                   min(b.id) FILTER (WHERE b.next_attempt_at > now()) AS first_waiting
            FROM outbox b
            WHERE b.status = 'pending' AND (b.leased_until >= now() OR b.next_attempt_at > now())
            GROUP BY b.integration_id, b.lane_kind, b.lane_key),
        candidates AS (
            SELECT o.id
            FROM outbox o
            JOIN chatwoot_integrations i ON i.id = o.integration_id AND NOT i.deliveries_halted
            WHERE o.status = 'pending' AND o.next_attempt_at <= now()
              AND (o.leased_until IS NULL OR o.leased_until < now())
              AND NOT EXISTS (
                  SELECT 1 FROM busy b
                  WHERE b.integration_id = o.integration_id AND b.lane_kind = o.lane_kind AND b.lane_key = o.lane_key
                    AND (b.leased OR b.first_waiting < o.id))
            ORDER BY o.id
            LIMIT @Max
            FOR UPDATE OF o SKIP LOCKED),
        claimed AS (
            UPDATE outbox o
            SET leased_until = now() + @Lease, leased_by = @Worker, attempts = o.attempts + 1, updated_at = now()
            FROM candidates c
            WHERE o.id = c.id
            RETURNING o.id, o.integration_id, o.kind, o.lane_kind, o.lane_key, o.payload, o.attempts, o.trace_parent)
        -- A WhatsApp chat's row comes with what RyzeApi knows of the chat, saving its delivery a read; so does a
        -- reply, which goes to the person's phone JID once known (its lane is the chat's key, often the LID).
        SELECT w.id, w.integration_id, w.kind, w.lane_kind, w.lane_key, w.payload::text, w.attempts,
               ch.chat_jid, ch.contact_id, ch.contact_source_id, ch.conversation_id, ch.conversation_status, ch.phone_jid, ch.lid,
               w.trace_parent
        FROM claimed w
        LEFT JOIN chatwoot_chats ch
               ON w.lane_kind IN ('chat', 'reply', 'presence') AND ch.integration_id = w.integration_id
              AND (ch.chat_jid = w.lane_key OR (w.lane_kind = 'chat' AND ch.lid = w.lane_key))
        ORDER BY w.id
        """;

    public const string Complete = """
        UPDATE outbox SET status = 'done', leased_until = NULL, last_error = '', updated_at = now() WHERE id = @Id
        """;

    public const string Link = """
        INSERT INTO message_links (integration_id, whatsapp_id, chatwoot_message_id, chatwoot_conversation_id, direction)
        VALUES (@IntegrationId, @WhatsAppId, @ChatwootMessageId, @ChatwootConversationId, @Direction)
        ON CONFLICT (integration_id, whatsapp_id) DO NOTHING
        """;

    // Retry and release are fenced by the attempt count: a row re-claimed by another worker (its lease having
    // expired) has a higher count, and this worker must not take it back from that one.
    // waits_for_session marks a row whose send found the WhatsApp session down: InstanceSessions makes it due when
    // the engine reports the session connected.
    public const string Retry = """
        UPDATE outbox SET leased_until = NULL, next_attempt_at = @NotBefore, last_error = @Error, waits_for_session = @ForSession, updated_at = now()
        WHERE id = @Id AND status = 'pending' AND attempts = @Attempts
        """;

    public const string Release = """
        UPDATE outbox SET leased_until = NULL, attempts = GREATEST(attempts - 1, 0), updated_at = now()
        WHERE id = @Id AND status = 'pending' AND attempts = @Attempts
        """;

    // Rows locked in id order, as a write batch updates them, so the two never wait on each other in a cycle.
    public const string Renew = """
        UPDATE outbox o SET leased_until = now() + @Lease
        FROM (SELECT r.id FROM outbox r
              JOIN unnest(@Ids::bigint[], @Attempts::integer[]) AS held(id, attempts) ON r.id = held.id AND r.attempts = held.attempts
              WHERE r.status = 'pending' AND r.leased_until > now()
              ORDER BY r.id FOR UPDATE OF r) AS locked
        WHERE o.id = locked.id
        RETURNING o.id
        """;

    public const string LeasedLanes = """
        SELECT integration_id, lane_kind, lane_key, leased_by, max(leased_until) AS until, count(*)::int AS rows
        FROM outbox
        WHERE status = 'pending' AND leased_until >= now() AND left(coalesce(leased_by, ''), length(@Except)) <> @Except
        GROUP BY integration_id, lane_kind, lane_key, leased_by
        ORDER BY until, integration_id, lane_kind, lane_key
        LIMIT @Max
        """;

    public const string Fail = """
        UPDATE outbox SET status = 'failed', leased_until = NULL, last_error = @Error, may_have_arrived = @MayHaveArrived, updated_at = now()
        WHERE id = @Id
        """;

    public const string ReadMedia = "SELECT content FROM outbox_media WHERE outbox_id = @Id";

    // Media is needed only until its row is finished (deleting a row deletes its media too).
    // Only a delivered row's media: a failed row keeps its media as long as the row itself, so that a retry through
    // the delivery API (docs/api/en/chatwoot-deliveries.md) still sends the file.
    public const string PurgeMedia = """
        DELETE FROM outbox_media m USING outbox o WHERE o.id = m.outbox_id AND o.status = 'done'
        """;

    // Orphans: the per-message tables have no foreign key (migration 0003), so a row written just after its
    // integration was deleted stays behind; it is never claimed, and goes here.
    public const string Purge = """
        WITH old AS (DELETE FROM outbox WHERE status = 'done' AND updated_at < now() - @Age RETURNING 1),
             orphans AS (DELETE FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM chatwoot_integrations i WHERE i.id = o.integration_id) RETURNING 1),
             orphan_links AS (DELETE FROM message_links l WHERE NOT EXISTS (SELECT 1 FROM chatwoot_integrations i WHERE i.id = l.integration_id) RETURNING 1)
        SELECT (SELECT count(*) FROM old) + (SELECT count(*) FROM orphans) + (SELECT count(*) FROM orphan_links)
        """;
}
