namespace RyzeApi.Application.Routing.Model;

/// <summary>A delivery report to show on a Chatwoot message. <see cref="ChatwootStatus"/> is Chatwoot's
/// vocabulary: sent, delivered, read or failed. The Chatwoot message is found by <see cref="WhatsAppId"/>,
/// or given directly when no WhatsApp message exists (a send the engine refused).</summary>
public sealed record MessageStatusChange(
    string WhatsAppId, string ChatwootStatus, string? Error, long? ChatwootMessageId = null, long? ConversationId = null);
