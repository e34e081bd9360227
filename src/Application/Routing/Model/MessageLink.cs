namespace RyzeApi.Application.Routing.Model;

/// <summary>One WhatsApp message and the Chatwoot message it became (or came from).</summary>
public sealed record MessageLink(string IntegrationId, string WhatsAppId, long ChatwootMessageId, long ChatwootConversationId, MessageDirection Direction);
