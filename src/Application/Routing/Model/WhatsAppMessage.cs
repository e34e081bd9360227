using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RyzeApi.Application.Outbox;

namespace RyzeApi.Application.Routing.Model;

/// <summary>A WhatsApp message as RyzeApi routes it, normalised from either layout of the engine's
/// <c>message.exchange</c> event: delivered to Chatwoot in its chat's lane, once per WhatsApp id. <see cref="EngineType"/> is
/// the engine's own name for the kind (<c>data.message.type</c>), named in the note of a kind RyzeApi cannot show.
/// <see cref="EditedId"/> is the message an edit or a deletion is about; <see cref="ReplyToId"/> the one a quote, a
/// reaction or a poll vote points at, with <see cref="QuotedText"/> when the event carries the quoted text.</summary>
public sealed record WhatsAppMessage(
    string Id,
    string ChatJid,
    string? ChatName,
    bool IsGroup,
    string? SenderJid,
    string? SenderName,
    bool FromMe,
    WhatsAppMessageKind Kind,
    string? Text,
    WhatsAppMedia? Media,
    string? EditedId,
    string? EngineType = null,
    string? ReplyToId = null,
    string? QuotedText = null,
    string? ChatLid = null) : IDelivery<WhatsAppMessage>
{
    public static string KindName => "whatsapp_message";

    public static JsonTypeInfo<WhatsAppMessage> JsonType => RoutingJson.Default.WhatsAppMessage;

    /// <summary>The person's lane, whichever spelling the event used: the LID when the event carries one (as the
    /// chat's JID or beside it), else the JID; a group's JID. A LID-only event and a phone event with the LID beside
    /// it never run at once (docs/adr/0027-chat-keyed-by-the-person.md).</summary>
    [JsonIgnore]
    public Lane Lane => new(LaneKind.WhatsAppChat, ChatKey);

    /// <summary>The key the chat is recorded under when this event is its first.</summary>
    [JsonIgnore]
    public string ChatKey => IsGroup ? ChatJid : PersonSpellings.Lid(ChatLid) ?? PersonSpellings.Lid(ChatJid) ?? ChatJid;

    [JsonIgnore]
    public string? DedupeKey => "wa:" + Id;

    /// <summary>The earlier message this one is shown replying to in Chatwoot, if any.</summary>
    [JsonIgnore]
    public string? TargetId => Kind is WhatsAppMessageKind.Edit or WhatsAppMessageKind.Revoke ? EditedId ?? ReplyToId : ReplyToId;

    /// <summary>The media's bytes, decoded from the engine's inline base64 at ingress; never in the payload.</summary>
    [JsonIgnore]
    public byte[]? MediaBytes { get; init; }

    byte[]? IDelivery<WhatsAppMessage>.StoredApart => MediaBytes;
}
