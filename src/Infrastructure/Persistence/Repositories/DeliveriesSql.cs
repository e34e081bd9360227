namespace RyzeApi.Infrastructure.Persistence.Repositories;

/// <summary>The delivery API's statements over the outbox (docs/adr/0036-delivery-api-queries-and-indexes.md). They read
/// ids out of the payload, never its content: a payload can hold a media URL with its access token.</summary>
internal static class DeliveriesSql
{
    // Newest first below the cursor. Failed rows through outbox_failed_idx (migration 0010), pending ones through
    // outbox_pending_idx's integration prefix; delivered ones through the primary key or the (integration_id, dedupe_key)
    // index, as the planner finds cheaper for the integration's share of the table. The ids a row does not carry come
    // from its message link: a WhatsApp message's Chatwoot message, an agent reply's WhatsApp message (the first part's).
    public const string List = """
        SELECT o.id AS Id, o.kind AS Kind, o.lane_kind AS LaneKind, o.lane_key AS LaneKey, o.attempts AS Attempts,
               o.last_error AS LastError, o.created_at AS CreatedAt, o.updated_at AS UpdatedAt, o.next_attempt_at AS NextAttemptAt,
               coalesce(p.wa, by_cw.whatsapp_id) AS WhatsAppMessageId,
               coalesce(p.cw, by_wa.chatwoot_message_id) AS ChatwootMessageId,
               coalesce(p.conversation, by_wa.chatwoot_conversation_id, by_cw.chatwoot_conversation_id) AS ChatwootConversationId
        FROM outbox o
        CROSS JOIN LATERAL (SELECT
            CASE o.kind WHEN 'whatsapp_message' THEN o.payload->>'Id' WHEN 'message_status' THEN nullif(o.payload->>'WhatsAppId', '') END AS wa,
            (o.payload->>'ChatwootMessageId')::bigint AS cw,
            (o.payload->>'ConversationId')::bigint AS conversation,
            coalesce((o.payload->>'Part')::int, 0) AS part) p
        LEFT JOIN LATERAL (
            SELECT l.chatwoot_message_id, l.chatwoot_conversation_id FROM message_links l
            WHERE p.wa IS NOT NULL AND l.integration_id = o.integration_id AND l.whatsapp_id = p.wa) by_wa ON true
        LEFT JOIN LATERAL (
            SELECT l.whatsapp_id, l.chatwoot_conversation_id FROM message_links l
            WHERE p.wa IS NULL AND p.cw IS NOT NULL AND p.part = 0 AND l.integration_id = o.integration_id AND l.chatwoot_message_id = p.cw
            ORDER BY l.created_at, l.whatsapp_id LIMIT 1) by_cw ON true
        WHERE o.integration_id = @IntegrationId AND o.status = @Status AND o.id < @Before
        ORDER BY o.id DESC
        LIMIT @Max
        """;

    // Only rows still failed, locked in id order, so two retries at once requeue each row once (the second re-reads a
    // locked row after the first commits and finds it pending). A row whose message is already linked went through
    // (a WhatsApp message in Chatwoot, an agent reply in WhatsApp) and stays failed: sending it again would duplicate it.
    // Attempts restart at 1, not 0: the next attempt counts as a repeat, so the delivery first looks for what an earlier
    // attempt may have left in Chatwoot (the message's source_id WAID:<id>, a conversation a lost answer created).
    // A send that may have gone through (may_have_arrived: the engine's answer was unreadable) stays failed too: the
    // engine has no lookup to tell, and the customer would get it twice. The requeued row continues the retry request's
    // trace: the one that recorded it may be days old, or not sampled.
    public const string Retry = """
        WITH chosen AS (
            SELECT o.id FROM outbox o
            WHERE o.integration_id = @IntegrationId AND o.status = 'failed' AND (@Ids::bigint[] IS NULL OR o.id = ANY(@Ids))
              AND NOT o.may_have_arrived
              AND NOT EXISTS (
                  SELECT 1 FROM message_links l
                  WHERE l.integration_id = o.integration_id
                    AND ((o.kind = 'whatsapp_message' AND l.whatsapp_id = o.payload->>'Id')
                      OR (o.kind = 'agent_reply' AND coalesce((o.payload->>'Part')::int, 0) = 0
                          AND l.chatwoot_message_id = (o.payload->>'ChatwootMessageId')::bigint)))
            ORDER BY o.id
            LIMIT @Max
            FOR UPDATE OF o)
        UPDATE outbox o
        SET status = 'pending', attempts = 1, next_attempt_at = now(), leased_until = NULL, leased_by = NULL,
            waits_for_session = false, trace_parent = coalesce(@TraceParent::text, o.trace_parent), updated_at = now()
        FROM chosen c
        WHERE o.id = c.id AND o.status = 'failed'
        RETURNING o.id
        """;

    // Pending rows counted through outbox_pending_idx's integration prefix (their number is the backlog, small unless
    // something is down); failed ones through outbox_failed_idx; the last delivery is the newest message link, through
    // message_links_chatwoot_idx (Chatwoot's message ids grow with time).
    public const string Counts = """
        WITH pending AS (SELECT count(*)::int AS n, min(id) AS first FROM outbox WHERE integration_id = @IntegrationId AND status = 'pending')
        SELECT p.n AS Pending,
               (SELECT count(*)::int FROM outbox f
                WHERE f.integration_id = @IntegrationId AND f.status = 'failed' AND f.updated_at > now() - interval '24 hours') AS FailedLastDay,
               (SELECT greatest(extract(epoch FROM now() - o.created_at), 0)::float8 FROM outbox o WHERE o.id = p.first) AS OldestPendingSeconds,
               (SELECT l.created_at FROM message_links l WHERE l.integration_id = @IntegrationId
                ORDER BY l.chatwoot_message_id DESC LIMIT 1) AS LastDeliveredAt
        FROM pending p
        """;
}
