using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RyzeApi.Application.Outbox;

namespace RyzeApi.Application.Routing.Model;

/// <summary>An agent's message in Chatwoot, to be sent to the WhatsApp chat of its conversation: in the chat's
/// lane of replies, once per Chatwoot message. A message with several attachments is recorded as one reply per
/// attachment (<see cref="Part"/> 0, 1, …; the text only with the first), so each is sent and retried alone.</summary>
/// <param name="QuotedWhatsAppId">The WhatsApp id of the message the agent quoted, when Chatwoot named it
/// (<c>in_reply_to_external_id</c> <c>WAID:&lt;id&gt;</c>).</param>
/// <param name="QuotedChatwootMessageId">The Chatwoot id of the quoted message (<c>in_reply_to</c>), looked up in the
/// message links when its WhatsApp id is not given.</param>
/// <param name="Part">Which attachment of a split message this is; null for a message recorded whole.</param>
public sealed record AgentReply(
    long ChatwootMessageId,
    long ConversationId,
    string ChatJid,
    string? Content,
    string? AgentName,
    IReadOnlyList<AgentAttachment> Attachments,
    string? QuotedWhatsAppId = null,
    long? QuotedChatwootMessageId = null,
    int? Part = null) : IDelivery<AgentReply>
{
    public static string KindName => "agent_reply";

    public static JsonTypeInfo<AgentReply> JsonType => RoutingJson.Default.AgentReply;

    [JsonIgnore]
    public Lane Lane => new(LaneKind.AgentReplies, ChatJid);

    /// <summary>The first part keeps the whole message's key, so a message is recorded once however it is split.</summary>
    [JsonIgnore]
    public string? DedupeKey => Part is null or 0 ? "cw:" + ChatwootMessageId : $"cw:{ChatwootMessageId}:{Part}";

    /// <summary>Whether this reply is the message's first send (the one that quotes, carries the text and sets the tick).</summary>
    [JsonIgnore]
    public bool IsFirstPart => Part is null or 0;

    /// <summary>One reply per attachment when there are several (the text and the quote go with the first); else itself.</summary>
    public IReadOnlyList<AgentReply> Split() => Attachments.Count <= 1
        ? [this]
        : [.. Attachments.Select((attachment, i) => this with
        {
            Content = i == 0 ? Content : null,
            Attachments = [attachment],
            QuotedWhatsAppId = i == 0 ? QuotedWhatsAppId : null,
            QuotedChatwootMessageId = i == 0 ? QuotedChatwootMessageId : null,
            Part = i,
        })];
}

/// <summary>A file an agent attached; Chatwoot gives it as a downloadable URL.</summary>
public sealed record AgentAttachment(string Url, string FileType, string? FileName);
