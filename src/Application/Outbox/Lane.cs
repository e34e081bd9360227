namespace RyzeApi.Application.Outbox;

/// <summary>A sequence of work delivered strictly in order: its kind and its key within the kind.</summary>
public readonly record struct Lane(LaneKind Kind, string Key);

/// <summary>The kinds of lanes; stored as the outbox row's <c>lane_kind</c>.</summary>
public enum LaneKind
{
    /// <summary>What a WhatsApp chat sends to Chatwoot; the key is the chat's JID.</summary>
    WhatsAppChat,

    /// <summary>An agent's replies to one WhatsApp chat; the key is the chat's JID.</summary>
    AgentReplies,

    /// <summary>The delivery reports of one message; the key is a WhatsApp id, or <c>cw</c> + a Chatwoot message id.</summary>
    MessageStatus,

    /// <summary>What an agent's side shows a WhatsApp chat apart from messages (typing, read); the key is the chat's JID.</summary>
    Presence,
    /// <summary>A new contact's picture and profile name; the key is the Chatwoot contact's id.</summary>
    ContactProfile,
}
