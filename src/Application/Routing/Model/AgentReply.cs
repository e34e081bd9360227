using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RyzeApi.Application.Outbox;

namespace RyzeApi.Application.Routing.Model;

/// <summary>An agent's message in Chatwoot, to be sent to the WhatsApp chat of its conversation: in the chat's
/// lane of replies, once per Chatwoot message.</summary>
public sealed record AgentReply(
    long ChatwootMessageId,
    long ConversationId,
    string ChatJid,
    string? Content,
    string? AgentName,
    IReadOnlyList<AgentAttachment> Attachments) : IDelivery<AgentReply>
{
    public static string KindName => "agent_reply";

    public static JsonTypeInfo<AgentReply> JsonType => RoutingJson.Default.AgentReply;

    [JsonIgnore]
    public Lane Lane => new(LaneKind.AgentReplies, ChatJid);

    [JsonIgnore]
    public string? DedupeKey => "cw:" + ChatwootMessageId;
}

/// <summary>A file an agent attached; Chatwoot gives it as a downloadable URL.</summary>
public sealed record AgentAttachment(string Url, string FileType, string? FileName);
