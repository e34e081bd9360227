using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RyzeApi.Application.Outbox;

namespace RyzeApi.Application.Routing.Model;

/// <summary>A delivery report to show on a Chatwoot message. <see cref="ChatwootStatus"/> is Chatwoot's
/// vocabulary: sent, delivered, read or failed. The Chatwoot message is found by <see cref="WhatsAppId"/>,
/// or given directly when no WhatsApp message exists (a send the engine refused).</summary>
public sealed record MessageStatusChange(
    string WhatsAppId, string ChatwootStatus, string? Error, long? ChatwootMessageId = null, long? ConversationId = null)
    : IDelivery<MessageStatusChange>
{
    public static string KindName => "message_status";

    public static JsonTypeInfo<MessageStatusChange> JsonType => RoutingJson.Default.MessageStatusChange;

    /// <summary>The reports of one message stay in order (sent before delivered before read): the lane of its WhatsApp
    /// id, or of its Chatwoot message when it has none (a send the engine refused).</summary>
    [JsonIgnore]
    public Lane Lane => new(LaneKind.MessageStatus, WhatsAppId.Length > 0 ? WhatsAppId : "cw" + ChatwootMessageId);

    /// <summary>One status of one message is recorded once: our own ticks by their Chatwoot message, the engine's
    /// reports by their WhatsApp id.</summary>
    [JsonIgnore]
    public string? DedupeKey => DedupeKeyOf(ChatwootMessageId is { } id ? "cw" + id : WhatsAppId, ChatwootStatus);

    public static string DedupeKeyOf(string messageId, string status) => $"st:{messageId}:{status}";
}
