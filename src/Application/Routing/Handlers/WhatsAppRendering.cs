using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Formatting;
using RyzeApi.Application.Routing.Ingress;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Handlers;

/// <summary>What a WhatsApp message looks like in Chatwoot, by kind (docs/api/en/engine-events.md, "Every kind of
/// message in Chatwoot"): its text, whether it is a private note, and the message it replies to. Chatwoot's API cannot
/// edit a message or react to one, so an edit is a new message marked ✏️ and a reaction a message holding the emoji,
/// both replying to the original; a deletion is a private note on it, which stays visible to agents.</summary>
internal static class WhatsAppRendering
{
    public const string DeletedByCustomer = "🗑️ The customer deleted this message for everyone";
    public const string DeletedFromPhone = "🗑️ This message was deleted for everyone from the phone";

    public static (string? Text, bool Private) Render(WhatsAppMessage message, bool targetInConversation)
    {
        switch (message.Kind)
        {
            case WhatsAppMessageKind.Revoke:
                return (message.FromMe ? DeletedFromPhone : DeletedByCustomer, true);
            case WhatsAppMessageKind.Unsupported:
                return ($"Unsupported WhatsApp message ({message.EngineType ?? "unknown"}) — see the phone", true);
        }

        var text = message.Text is { } written ? MessageFormatting.ToChatwoot(written) : null;
        if (message.Kind == WhatsAppMessageKind.Edit)
        {
            text = "✏️ " + text;
        }
        if (message.QuotedText is { } quoted && !targetInConversation)
        {
            // Chatwoot cannot link a message it does not hold: the quote travels as text. The blank line ends the
            // Markdown blockquote, which would otherwise swallow the text below it.
            text = "> " + Quotes.OneLine(quoted) + (string.IsNullOrEmpty(text) ? string.Empty : "\n\n" + text);
        }

        if (message.IsGroup && !message.FromMe)
        {
            var number = message.SenderJid is { } jid ? PhoneNumbers.E164(jid) ?? jid : null;
            var who = number is null ? $"**{message.SenderName ?? "?"}**" : $"**{message.SenderName ?? number}** ({number})";
            text = string.IsNullOrEmpty(text) ? who + ":" : $"{who}:\n{text}";
        }

        return (text, false);
    }

    /// <summary>Chatwoot's reply attributes for the message's target: its <c>WAID:</c> source id always (Chatwoot
    /// resolves it within the conversation, or drops it), and its Chatwoot id when RyzeApi linked it in this one.</summary>
    public static ChatwootReplyTo? ReplyTo(WhatsAppMessage message, MessageLink? target, long conversationId) =>
        message.TargetId is { } id
            ? new ChatwootReplyTo(ChatwootWebhookParser.OwnSourcePrefix + id, InConversation(target, conversationId) ? target!.ChatwootMessageId : null)
            : null;

    public static bool InConversation(MessageLink? target, long conversationId) => target?.ChatwootConversationId == conversationId;
}
