using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>A Chatwoot webhook, parsed: an agent message, a conversation status change, or something ignored.</summary>
public sealed record ChatwootWebhookEvent(
    string Name,
    long? MessageId,
    long? ConversationId,
    string? ConversationStatus,
    string? Content,
    string? AgentName,
    IReadOnlyList<AgentAttachment> Attachments,
    string? IgnoredBecause);
