using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>A Chatwoot webhook, parsed: an agent message (perhaps quoting another), an agent's deletion of a message
/// (<see cref="Deleted"/>), an agent typing (<see cref="Typing"/>), a conversation status change, or something ignored.</summary>
public sealed record ChatwootWebhookEvent(
    string Name,
    long? MessageId,
    long? ConversationId,
    string? ConversationStatus,
    string? Content,
    string? AgentName,
    IReadOnlyList<AgentAttachment> Attachments,
    string? IgnoredBecause,
    string? QuotedWhatsAppId = null,
    long? QuotedChatwootMessageId = null,
    bool Deleted = false,
    bool? Typing = null);
