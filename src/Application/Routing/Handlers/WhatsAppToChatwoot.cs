using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Ingress;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Handlers;

/// <summary>Posts one WhatsApp message into Chatwoot: the chat's contact (created once and remembered),
/// its conversation (reused while open or pending; reopened or replaced when resolved), then the message
/// with <c>source_id WAID:&lt;id&gt;</c>. In steady state that is one Chatwoot call.</summary>
/// <remarks>An earlier attempt (<see cref="Claimed{T}.Attempts"/> over 1) may have created the message before failing;
/// the chat read with the claim (<see cref="Claimed{T}.Chat"/>) saves reading it here.</remarks>
public sealed class WhatsAppToChatwoot(IChatwootMessaging chatwoot, IRoutingRepository routing, ChatResolver chats, MessageMedia media)
    : IDeliveryHandler<WhatsAppMessage>
{
    public async Task<DeliveryOutcome> DeliverAsync(DeliveryContext context, Claimed<WhatsAppMessage> item, CancellationToken cancellationToken)
    {
        var (message, mayHaveLanded, knownChat) = (item.Delivery, item.Attempts > 1, item.Chat);
        var integrationId = context.Integration.Id;
        // The message this one replies to (quoted, reacted to, voted on, edited or deleted), when RyzeApi linked it.
        var target = message.TargetId is { } targetId ? await routing.FindLinkAsync(integrationId, targetId, cancellationToken) : null;
        if (message.FromMe)
        {
            // The engine can report our send before the send's outcome is recorded (engines that omit "source" are
            // recognised by the link alone): while a reply to this chat is in flight, wait for its link. Checked
            // before the link: a reply's lease ends in the transaction that records its link, so once no lease is
            // seen, the link of any reply this could echo is visible.
            if (await routing.ReplyInFlightAsync(integrationId, message.ChatJid, message.ChatKey, cancellationToken))
            {
                return new DeliveryOutcome.Wait("an agent's reply to this chat is being sent; this may be its echo");
            }

            if (await routing.FindLinkAsync(integrationId, message.Id, cancellationToken) is not null)
            {
                return new DeliveryOutcome.Skipped("echo of a message RyzeApi sent for an agent");
            }

            if (message.Kind == WhatsAppMessageKind.Revoke && target?.Direction == MessageDirection.ToWhatsApp)
            {
                // The agent deleted it in Chatwoot, which already shows it deleted.
                return new DeliveryOutcome.Skipped("echo of an agent's message deleted through RyzeApi");
            }
        }

        var chat = await chats.ChatAsync(context, message, knownChat, cancellationToken);
        var conversationId = await chats.ConversationAsync(context, chat, mayHaveLanded, cancellationToken);
        var sourceId = ChatwootWebhookParser.OwnSourcePrefix + message.Id + KindSuffix(message);
        if (mayHaveLanded && await chatwoot.FindMessageBySourceIdAsync(context.Chatwoot, conversationId, sourceId, cancellationToken) is { } landed)
        {
            return Delivered(integrationId, message, landed, conversationId);
        }

        var newMessage = await ComposeAsync(item, sourceId, target, conversationId, cancellationToken);
        long created;
        try
        {
            created = await chatwoot.CreateMessageAsync(context.Chatwoot, conversationId, newMessage, cancellationToken);
        }
        catch (UpstreamRejectedException exception) when (exception.UpstreamStatus == 404)
        {
            // The conversation was deleted in Chatwoot: start a new one and post there.
            conversationId = await chats.ReplaceConversationAsync(context, chat, cancellationToken);
            created = await chatwoot.CreateMessageAsync(context.Chatwoot, conversationId, newMessage, cancellationToken);
        }

        return ContactProfileToChatwoot.After(Delivered(integrationId, message, created, conversationId), context, message, chat);
    }

    private static DeliveryOutcome Delivered(string integrationId, WhatsAppMessage message, long chatwootMessageId, long conversationId) =>
        new DeliveryOutcome.Delivered(
            message.Kind is WhatsAppMessageKind.Text or WhatsAppMessageKind.Media or WhatsAppMessageKind.Unsupported
                ? new MessageLink(integrationId, message.Id, chatwootMessageId, conversationId, MessageDirection.ToChatwoot)
                : null,
            null);

    private static string KindSuffix(WhatsAppMessage message) =>
        message.Kind switch
        {
            WhatsAppMessageKind.Edit => ":edit",
            WhatsAppMessageKind.Revoke => ":revoke",
            _ => string.Empty,
        };

    private async Task<ChatwootNewMessage> ComposeAsync(
        Claimed<WhatsAppMessage> item, string sourceId, MessageLink? target, long conversationId, CancellationToken cancellationToken)
    {
        var message = item.Delivery;
        var type = message.FromMe ? "outgoing" : "incoming";
        var (text, isPrivate) = WhatsAppRendering.Render(message, WhatsAppRendering.InConversation(target, conversationId));
        var replyTo = WhatsAppRendering.ReplyTo(message, target, conversationId);
        // An edit shows the new text only: the file, if the engine repeats it, is already in the conversation.
        if (isPrivate || message.Kind == WhatsAppMessageKind.Edit || message.Media is not { } attached)
        {
            return new ChatwootNewMessage(text, type, isPrivate, sourceId, [], replyTo);
        }

        try
        {
            var file = await media.FileAsync(item.Id, attached, cancellationToken);
            return new ChatwootNewMessage(text, type, false, sourceId, [file], replyTo);
        }
        catch (MediaUnavailableException exception)
        {
            // The message still arrives; the agent learns the media is missing and why.
            var note = $"[{attached.Type} could not be downloaded: {exception.Message}]";
            return new ChatwootNewMessage(string.IsNullOrEmpty(text) ? note : text + "\n" + note, type, false, sourceId, [], replyTo);
        }
    }
}
