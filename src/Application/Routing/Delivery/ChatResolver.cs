using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Delivery;

/// <summary>A WhatsApp chat's place in Chatwoot: its contact (created once and remembered) and its conversation
/// (reused while open or pending; reopened or replaced when resolved).</summary>
public sealed class ChatResolver(IChatwootMessaging chatwoot, IRoutingRepository routing)
{
    public async Task<RoutedChat> FindOrCreateChatAsync(DeliveryContext context, WhatsAppMessage message, CancellationToken cancellationToken)
    {
        var integration = context.Integration;
        if (await routing.FindChatAsync(integration.Id, message.ChatJid, cancellationToken) is { } known)
        {
            return known;
        }

        var phone = message.IsGroup ? null : PhoneNumbers.E164(message.ChatJid);
        var name = message.IsGroup
            ? message.ChatName ?? message.ChatJid
            : (message.FromMe ? message.ChatName : message.SenderName ?? message.ChatName) ?? phone ?? message.ChatJid;
        ChatwootContact contact;
        try
        {
            contact = await chatwoot.CreateContactAsync(context.Chatwoot, integration.InboxId, name, message.ChatJid, phone, cancellationToken);
        }
        catch (UpstreamRejectedException exception) when (exception.UpstreamStatus == 422)
        {
            // Already a contact (identifier or phone taken): find it and give it a contact inbox in our inbox.
            var found = await chatwoot.FindContactAsync(context.Chatwoot, integration.InboxId, message.ChatJid, cancellationToken);
            if (found is null)
            {
                throw;
            }

            contact = found;
        }

        var sourceId = contact.SourceId
            ?? await chatwoot.CreateContactInboxAsync(context.Chatwoot, contact.Id, integration.InboxId, cancellationToken);
        var chat = new RoutedChat(integration.Id, message.ChatJid, contact.Id, sourceId, null, null);
        await routing.SaveChatAsync(chat, cancellationToken);
        return chat;
    }

    public async Task<long> ConversationAsync(DeliveryContext context, RoutedChat chat, CancellationToken cancellationToken)
    {
        var settings = context.Integration.Settings;
        if (chat.ConversationId is { } current)
        {
            if (chat.ConversationStatus is not ConversationStatuses.Resolved)
            {
                return current;
            }

            if (settings.ReopenResolved)
            {
                await chatwoot.SetConversationStatusAsync(context.Chatwoot, current, ConversationStatuses.Open, cancellationToken);
                await routing.SaveChatAsync(chat with { ConversationStatus = ConversationStatuses.Open }, cancellationToken);
                return current;
            }
        }

        var status = settings.StartAsPending ? ConversationStatuses.Pending : ConversationStatuses.Open;
        // With the contact inbox's source_id: without it Chatwoot adds a second, orphan contact inbox.
        var created = await chatwoot.CreateConversationAsync(
            context.Chatwoot, context.Integration.InboxId, chat.ContactId, chat.ContactSourceId, status, cancellationToken);
        await routing.SaveChatAsync(chat with { ConversationId = created, ConversationStatus = status }, cancellationToken);
        return created;
    }

    /// <summary>The conversation was deleted in Chatwoot: forget it, so the next one is started.</summary>
    public async Task<long> ReplaceConversationAsync(DeliveryContext context, RoutedChat chat, CancellationToken cancellationToken)
    {
        chat = chat with { ConversationId = null, ConversationStatus = null };
        await routing.SaveChatAsync(chat, cancellationToken);
        return await ConversationAsync(context, chat, cancellationToken);
    }
}
