namespace RyzeApi.Application.Chatwoot.Queries.ListDeliveries;

/// <summary>One delivery as support staff see it: what it carries (ids, never the message's content) and how it went.
/// <see cref="WhatsAppChatId"/>, <see cref="WhatsAppMessageId"/> and the Chatwoot ids are null where not known (yet).
/// <see cref="NextAttemptAt"/> is set only while it is pending.</summary>
public sealed record DeliveryRecord(
    long Id,
    string Kind,
    MessageDirection Direction,
    DeliveryState State,
    string? WhatsAppChatId,
    string? WhatsAppMessageId,
    long? ChatwootMessageId,
    long? ChatwootConversationId,
    int Attempts,
    string LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextAttemptAt)
{
    /// <summary>The side a kind of work goes to: WhatsApp messages, their ticks and contacts' profiles to Chatwoot,
    /// everything an agent does to WhatsApp.</summary>
    public static MessageDirection DirectionOf(string kind) =>
        kind is "whatsapp_message" or "message_status" or "contact_profile" ? MessageDirection.ToChatwoot : MessageDirection.ToWhatsApp;
}

/// <summary>A page of deliveries, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record DeliveryPage(string InstanceName, DeliveryState State, IReadOnlyList<DeliveryRecord> Deliveries, long? NextCursor);
