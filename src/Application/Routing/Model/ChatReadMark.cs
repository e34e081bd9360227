using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RyzeApi.Application.Outbox;

namespace RyzeApi.Application.Routing.Model;

/// <summary>After an agent's reply went out (integration setting <c>markReadOnReply</c>): the customer's chat is marked
/// read in WhatsApp, so they see their messages read. In the chat's presence lane; best effort.</summary>
public sealed record ChatReadMark(string ChatJid, long ChatwootMessageId) : IDelivery<ChatReadMark>
{
    public static string KindName => "chat_read";

    public static JsonTypeInfo<ChatReadMark> JsonType => RoutingJson.Default.ChatReadMark;

    [JsonIgnore]
    public Lane Lane => new(LaneKind.Presence, ChatJid);

    [JsonIgnore]
    public string? DedupeKey => "read:cw:" + ChatwootMessageId;
}
