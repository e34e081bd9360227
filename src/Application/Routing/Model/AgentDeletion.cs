using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RyzeApi.Application.Outbox;

namespace RyzeApi.Application.Routing.Model;

/// <summary>An agent deleted a message in Chatwoot: what RyzeApi sent of it is revoked for everyone in WhatsApp.
/// In the chat's lane of replies, so it runs after the reply it deletes; recorded once per Chatwoot message.</summary>
public sealed record AgentDeletion(long ChatwootMessageId, long ConversationId, string ChatJid) : IDelivery<AgentDeletion>
{
    public static string KindName => "agent_deletion";

    public static JsonTypeInfo<AgentDeletion> JsonType => RoutingJson.Default.AgentDeletion;

    [JsonIgnore]
    public Lane Lane => new(LaneKind.AgentReplies, ChatJid);

    [JsonIgnore]
    public string? DedupeKey => "del:cw:" + ChatwootMessageId;
}
