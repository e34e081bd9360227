using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Delivery;

/// <summary>Links a person's spellings when an event names one their chat does not have yet. A chat first seen by
/// LID gets the phone number when it appears: its Chatwoot contact is updated (<c>phone_number</c>, <c>identifier</c>),
/// or merged into the contact that already has that number, so the conversation goes on in one place. Two chats of
/// one person (one by phone, one by LID) become one. Every step can be repeated after a failure.</summary>
public sealed class PersonLinks(IChatwootMessaging chatwoot, IRoutingRepository routing)
{
    public async Task<RoutedChat> LinkAsync(
        DeliveryContext context, WhatsAppMessage message, RoutedChat chat, RoutedChat? other, string? phoneJid, string? lid, CancellationToken cancellationToken)
    {
        var linked = chat with
        {
            PhoneJid = chat.PhoneJid ?? other?.PhoneJid ?? phoneJid,
            Lid = chat.Lid ?? other?.Lid ?? lid,
            ConversationId = chat.ConversationId ?? other?.ConversationId,
            ConversationStatus = chat.ConversationId is null ? other?.ConversationStatus : chat.ConversationStatus,
        };
        if (other is not null)
        {
            // The contact that has the phone number stays; the other's conversations move to it.
            var (keep, merge) = other.PhoneJid is not null && chat.PhoneJid is null ? (other.ContactId, chat.ContactId) : (chat.ContactId, other.ContactId);
            await MergeAsync(context, keep, merge, cancellationToken);
            linked = linked with { ContactId = keep };
            await routing.AbsorbChatAsync(linked, other.ChatJid, cancellationToken);
            return linked;
        }

        if (chat.PhoneJid is null && phoneJid is not null)
        {
            linked = linked with { ContactId = await GivePhoneAsync(context, message, chat.ContactId, cancellationToken) };
        }

        await routing.SaveChatAsync(linked, cancellationToken);
        return linked;
    }

    /// <summary>The contact that now holds the number: this one, updated, or the one that had it already.</summary>
    private async Task<long> GivePhoneAsync(DeliveryContext context, WhatsAppMessage message, long contactId, CancellationToken cancellationToken)
    {
        try
        {
            var change = new ChatwootContactChange(Identifier: message.ChatJid, PhoneNumber: PhoneNumbers.E164(message.ChatJid));
            await chatwoot.UpdateContactAsync(context.Chatwoot, contactId, change, cancellationToken);
            return contactId;
        }
        catch (UpstreamRejectedException exception) when (exception.UpstreamStatus == 422)
        {
            // The number (or identifier) is another contact's: that one is the person; ours merges into it.
            var holder = await chatwoot.FindContactAsync(context.Chatwoot, context.Integration.InboxId, message.ChatJid, cancellationToken);
            if (holder is null || holder.Id == contactId)
            {
                throw;
            }

            await MergeAsync(context, holder.Id, contactId, cancellationToken);
            return holder.Id;
        }
    }

    private async Task MergeAsync(DeliveryContext context, long keep, long merge, CancellationToken cancellationToken)
    {
        if (keep == merge)
        {
            return;
        }

        try
        {
            await chatwoot.MergeContactsAsync(context.Chatwoot, keep, merge, cancellationToken);
        }
        catch (UpstreamRejectedException exception) when (exception.UpstreamStatus == 404)
        {
            // Merged by an earlier attempt whose outcome was not recorded: the mergee is gone already.
        }
    }
}
