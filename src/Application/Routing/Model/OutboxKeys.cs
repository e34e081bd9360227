namespace RyzeApi.Application.Routing.Model;

/// <summary>Lanes (chat keys) and dedupe keys of the outbox rows that other code looks up by key, so writers and
/// readers agree on one format.</summary>
public static class OutboxKeys
{
    /// <summary>An agent's replies to one WhatsApp chat, in order.</summary>
    public static string ReplyLane(string chatJid) => "out:" + chatJid;

    /// <summary>The status reports of one message (a WhatsApp id, or <c>cw</c> + a Chatwoot message id), in order.</summary>
    public static string StatusLane(string messageId) => "status:" + messageId;

    /// <summary>One status of one message: the same report is recorded once.</summary>
    public static string StatusDedupe(string messageId, string status) => $"st:{messageId}:{status}";
}
