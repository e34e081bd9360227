using System.Text.Json.Serialization;

namespace RyzeApi.Application.Routing.Model;

/// <summary>What RyzeApi remembers about one WhatsApp chat in one integration: its Chatwoot contact and
/// contact inbox (created once), and its current conversation with the last status we know of.
/// <see cref="ChatJid"/> is the chat's key (the person's LID when the first event carried one, else the JID as
/// received); <see cref="PhoneJid"/> and <see cref="Lid"/> are the person's spellings known so far (docs/adr/0027-chat-keyed-by-the-person.md).</summary>
public sealed record RoutedChat(
    string IntegrationId, string ChatJid, long ContactId, string ContactSourceId, long? ConversationId, string? ConversationStatus,
    string? PhoneJid = null, string? Lid = null)
{
    /// <summary>Where replies go: the phone number's JID when known (as the engine spelled it when it is the key),
    /// else the key (the LID, or a group's JID).</summary>
    [JsonIgnore]
    public string ReplyJid => PersonSpellings.PhoneJid(ChatJid) is not null ? ChatJid : PhoneJid ?? ChatJid;

    /// <summary>Set when this delivery created the chat's contact: its picture and profile name follow.</summary>
    [JsonIgnore]
    public bool ContactIsNew { get; init; }
}
