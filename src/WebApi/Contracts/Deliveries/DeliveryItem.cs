using RyzeApi.Application.Chatwoot.Queries.ListDeliveries;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.WebApi.Contracts.Deliveries;

/// <summary>One delivery: what it carries (ids only, never the message's content) and how it went.</summary>
public sealed class DeliveryItem
{
    /// <summary>Id of the delivery; what <c>POST …/retry</c> takes.</summary>
    /// <example>1842</example>
    [JsonPropertyName("id")] public required long Id { get; init; }

    /// <summary><c>to_chatwoot</c> (a WhatsApp message, a delivery tick, a contact's profile) or <c>to_whatsapp</c>
    /// (an agent's reply, deletion, typing or read mark).</summary>
    /// <example>to_chatwoot</example>
    [JsonPropertyName("direction")] public required string Direction { get; init; }

    /// <summary>The kind of work: <c>whatsapp_message</c>, <c>message_status</c>, <c>contact_profile</c>, <c>agent_reply</c>,
    /// <c>agent_deletion</c>, <c>chat_presence</c> or <c>chat_read</c>.</summary>
    /// <example>whatsapp_message</example>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary><c>failed</c>, <c>pending</c> or <c>delivered</c>.</summary>
    /// <example>failed</example>
    [JsonPropertyName("state")] public required string State { get; init; }

    /// <summary>The WhatsApp chat (JID or LID) for the kinds about a chat; null for ticks and profiles.</summary>
    /// <example>5511999999999@s.whatsapp.net</example>
    [JsonPropertyName("whatsapp_chat_id")] public required string? WhatsAppChatId { get; init; }

    /// <summary>The WhatsApp message's id, when known: the received message's, or the one an agent's reply became once sent.</summary>
    /// <example>3EB0C767D82A1B2C3D4E</example>
    [JsonPropertyName("whatsapp_message_id")] public required string? WhatsAppMessageId { get; init; }

    /// <summary>The Chatwoot message's id, when known: the agent's message, or the one a WhatsApp message became once delivered.</summary>
    /// <example>null</example>
    [JsonPropertyName("chatwoot_message_id")] public required long? ChatwootMessageId { get; init; }

    /// <summary>The Chatwoot conversation's id, when known.</summary>
    /// <example>null</example>
    [JsonPropertyName("chatwoot_conversation_id")] public required long? ChatwootConversationId { get; init; }

    /// <summary>Attempts made so far. A retried delivery starts again at 1: its next attempt first looks for what an
    /// earlier one may have left in Chatwoot.</summary>
    /// <example>1</example>
    [JsonPropertyName("attempts")] public required int Attempts { get; init; }

    /// <summary>Why the last attempt failed (written by RyzeApi; it names the upstream answer, never a token); empty
    /// when none failed.</summary>
    /// <example>Chatwoot rejected the request as invalid - fix what Chatwoot names in the detail (e.g. inboxName) and retry. Detail: https://chatwoot.example.com/api/v1/accounts/5/conversations/321/messages HTTP 422: {"message":"Content is too long"}</example>
    [JsonPropertyName("last_error")] public required string LastError { get; init; }

    /// <summary>When it was recorded (RFC 3339, UTC).</summary>
    /// <example>2026-04-20T10:15:30Z</example>
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its state or attempts last changed (RFC 3339, UTC): for a delivered one, when it was delivered.</summary>
    /// <example>2026-04-20T10:15:31Z</example>
    [JsonPropertyName("updated_at")] public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>While pending: when it is due (RFC 3339, UTC); null otherwise.</summary>
    /// <example>null</example>
    [JsonPropertyName("next_attempt_at")] public required DateTimeOffset? NextAttemptAt { get; init; }

    public static DeliveryItem From(DeliveryRecord record) => new()
    {
        Id = record.Id,
        Direction = record.Direction.ToName(),
        Kind = record.Kind,
        State = record.State.ToName(),
        WhatsAppChatId = record.WhatsAppChatId,
        WhatsAppMessageId = record.WhatsAppMessageId,
        ChatwootMessageId = record.ChatwootMessageId,
        ChatwootConversationId = record.ChatwootConversationId,
        Attempts = record.Attempts,
        LastError = record.LastError,
        CreatedAt = record.CreatedAt,
        UpdatedAt = record.UpdatedAt,
        NextAttemptAt = record.NextAttemptAt,
    };
}
