namespace RyzeApi.Application.Routing.Model;

/// <summary>An agent's message in Chatwoot, to be sent to the WhatsApp chat of its conversation.</summary>
public sealed record AgentReply(
    long ChatwootMessageId,
    long ConversationId,
    string ChatJid,
    string? Content,
    string? AgentName,
    IReadOnlyList<AgentAttachment> Attachments);

/// <summary>A file an agent attached; Chatwoot gives it as a downloadable URL.</summary>
public sealed record AgentAttachment(string Url, string FileType, string? FileName);
