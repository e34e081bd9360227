using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Delivery;

/// <summary>A WhatsApp chat's place in Chatwoot: one contact per person whichever spelling (phone JID or LID) an
/// event uses, created once and remembered, and its conversation (reused while open or pending; reopened or replaced
/// when resolved). See docs/adr/0027-chat-keyed-by-the-person.md.</summary>
public sealed class ChatResolver(IChatwootMessaging chatwoot, IRoutingRepository routing, PersonLinks links)
{
    /// <summary>The message's chat. <paramref name="known"/> (read with the claim) is used as it is unless the event
    /// names a spelling the chat does not have yet: steady state costs nothing here.</summary>
    public async Task<RoutedChat> ChatAsync(DeliveryContext context, WhatsAppMessage message, RoutedChat? known, CancellationToken cancellationToken)
    {
        var (phoneJid, lid) = Spellings(message);
        if (known is not null && Knows(known, phoneJid, lid))
        {
            return known;
        }

        var chats = await routing.FindChatsAsync(context.Integration.Id, message.ChatKey, phoneJid, lid, cancellationToken);
        if (chats.Count == 0)
        {
            return await CreateChatAsync(context, message, phoneJid, lid, cancellationToken);
        }

        var chat = chats[0];
        if (Knows(chat, phoneJid, lid) && chats.Count == 1)
        {
            return chat;
        }

        return await links.LinkAsync(context, message, chat, chats.Count > 1 ? chats[1] : null, phoneJid, lid, cancellationToken);
    }

    public async Task<long> ConversationAsync(DeliveryContext context, RoutedChat chat, bool mayHaveLanded, CancellationToken cancellationToken)
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

        // An earlier attempt may have created the conversation and lost Chatwoot's answer (a timeout, the process
        // killed before it was recorded): it is the contact's newest unresolved conversation in our inbox.
        if (mayHaveLanded && await FindCreatedAsync(context, chat, cancellationToken) is { } landed)
        {
            await routing.SaveChatAsync(chat with { ConversationId = landed.Id, ConversationStatus = landed.Status }, cancellationToken);
            return landed.Id;
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
        return await ConversationAsync(context, chat, false, cancellationToken);
    }

    private async Task<ChatwootConversationSummary?> FindCreatedAsync(DeliveryContext context, RoutedChat chat, CancellationToken cancellationToken)
    {
        var conversations = await chatwoot.ListContactConversationsAsync(context.Chatwoot, chat.ContactId, cancellationToken);
        return conversations
            .Where(c => c.InboxId == context.Integration.InboxId && c.Status is not ConversationStatuses.Resolved && c.Id != chat.ConversationId)
            .MaxBy(c => c.Id);
    }

    private async Task<RoutedChat> CreateChatAsync(
        DeliveryContext context, WhatsAppMessage message, string? phoneJid, string? lid, CancellationToken cancellationToken)
    {
        var integration = context.Integration;
        // A LID hides the number: a contact known only by it has its name and no phone number.
        var phone = message.IsGroup ? null : PhoneNumbers.E164(message.ChatJid);
        var name = ContactName(message) ?? phone ?? message.ChatJid;
        ChatwootContact contact;
        var created = true;
        try
        {
            contact = await chatwoot.CreateContactAsync(context.Chatwoot, integration.InboxId, name, message.ChatJid, phone, cancellationToken);
        }
        catch (UpstreamRejectedException exception) when (exception.UpstreamStatus == 422)
        {
            // Already a contact (identifier or phone taken, or an earlier attempt's answer lost): find it and give it
            // a contact inbox in our inbox.
            var found = await chatwoot.FindContactAsync(context.Chatwoot, integration.InboxId, message.ChatJid, cancellationToken);
            if (found is null)
            {
                throw;
            }

            contact = found;
            created = false;
        }

        var sourceId = contact.SourceId
            ?? await chatwoot.CreateContactInboxAsync(context.Chatwoot, contact.Id, integration.InboxId, cancellationToken);
        var chat = new RoutedChat(integration.Id, message.ChatKey, contact.Id, sourceId, null, null, phoneJid, lid);
        await routing.SaveChatAsync(chat, cancellationToken);
        return chat with { ContactIsNew = created };
    }

    /// <summary>The person's name as the event gives it (a group's name for a group), or null.</summary>
    public static string? ContactName(WhatsAppMessage message) =>
        message.IsGroup ? message.ChatName : message.FromMe ? message.ChatName : message.SenderName ?? message.ChatName;

    private static (string? PhoneJid, string? Lid) Spellings(WhatsAppMessage message) =>
        message.IsGroup
            ? (null, null)
            : (PersonSpellings.PhoneJid(message.ChatJid), PersonSpellings.Lid(message.ChatLid) ?? PersonSpellings.Lid(message.ChatJid));

    // The key is a spelling too (a chat recorded before its spellings were, or a test's).
    private static bool Knows(RoutedChat chat, string? phoneJid, string? lid) =>
        (phoneJid is null || (chat.PhoneJid ?? PersonSpellings.PhoneJid(chat.ChatJid)) == phoneJid)
        && (lid is null || (chat.Lid ?? PersonSpellings.Lid(chat.ChatJid)) == lid);
}
