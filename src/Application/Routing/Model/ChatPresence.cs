using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RyzeApi.Application.Outbox;

namespace RyzeApi.Application.Routing.Model;

/// <summary>An agent started (<see cref="Typing"/>) or stopped typing in the chat's conversation: shown to the customer
/// as WhatsApp presence. In the chat's presence lane, never behind its messages; never deduplicated.</summary>
/// <param name="At">When Chatwoot said so: a "typing" claimed after it has run out is not sent.</param>
public sealed record ChatPresence(string ChatJid, bool Typing, DateTimeOffset At) : IDelivery<ChatPresence>
{
    /// <summary>How long WhatsApp shows "typing…" for one presence (RyzeAPI's <c>duration</c>, seconds).</summary>
    public const int TypingSeconds = 10;

    public static string KindName => "chat_presence";

    public static JsonTypeInfo<ChatPresence> JsonType => RoutingJson.Default.ChatPresence;

    [JsonIgnore]
    public Lane Lane => new(LaneKind.Presence, ChatJid);

    [JsonIgnore]
    public string? DedupeKey => null;
}
