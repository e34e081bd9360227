using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>Adapts the Refit client to <see cref="IChatwootMessaging"/>. Accepts the shapes Chatwoot's versions
/// differ in (a contact wrapped in <c>payload</c> or not), but every id RyzeApi keeps must be a positive integer
/// and every source id a usable string (<see cref="ChatwootAnswer"/>); failures are classified as for activation.</summary>
internal sealed partial class ChatwootMessaging(IChatwootApi api) : IChatwootMessaging
{
    public async Task<ChatwootContact> CreateContactAsync(
        ChatwootConnection connection, long inboxId, string name, string identifier, string? phoneNumber, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("POST", connection, "/contacts");
        var (root, answer) = await ChatwootAnswer.ReadAsync(call, () => api.CreateContact(
            new CreateContactBody(inboxId, name, identifier, phoneNumber), connection, cancellationToken));
        // 4.x: {"payload": {"contact": {...}, "contact_inbox": {"source_id": ...}}}; older: the contact itself.
        var payload = answer.OptionalObject(root.Payload, "the payload") ?? root;
        var contact = answer.OptionalObject(payload.Contact, "the contact") ?? payload;
        var id = answer.Id(contact.Id, "the contact id");
        var contactInbox = answer.OptionalObject(payload.ContactInbox, "the contact_inbox");
        var sourceId = contactInbox is null ? null : answer.OptionalString(contactInbox.SourceId, "the contact inbox's source_id");
        return new ChatwootContact(id, sourceId is null ? SourceIdIn(answer, contact, inboxId) : answer.SourceId(sourceId, "the contact inbox's source_id"));
    }

    public async Task<ChatwootContact?> FindContactAsync(ChatwootConnection connection, long inboxId, string identifier, CancellationToken cancellationToken)
    {
        // A LID's digits are no phone number: only a phone JID is also matched by its number. Searched by the number's
        // digits then, which the identifier (the JID) and the phone number (E.164) both contain.
        var phone = PhoneNumbers.E164(identifier);
        var call = ChatwootTransport.Call("GET", connection, "/contacts/search");
        var (list, answer) = await ChatwootAnswer.ReadAsync(call, () => api.SearchContacts(phone?[1..] ?? identifier, connection, cancellationToken));
        foreach (var item in answer.Array(list.Payload, "the search payload"))
        {
            var contact = item.OrNull ?? throw answer.Wrong("a contact in the search payload is not an object");
            if (contact.Identifier.OrNull == identifier || (phone is not null && contact.PhoneNumber.OrNull == phone))
            {
                return new ChatwootContact(answer.Id(contact.Id, "the contact id"), SourceIdIn(answer, contact, inboxId));
            }
        }

        return null;
    }

    public async Task<string> CreateContactInboxAsync(ChatwootConnection connection, long contactId, long inboxId, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("POST", connection, $"/contacts/{contactId}/contact_inboxes");
        var (contactInbox, answer) = await ChatwootAnswer.ReadAsync(call, () => api.CreateContactInbox(
            contactId, new CreateContactInboxBody(inboxId), connection, cancellationToken));
        return answer.SourceId(answer.OptionalString(contactInbox.SourceId, "the source_id"), "the source_id");
    }

    public async Task<long> CreateConversationAsync(
        ChatwootConnection connection, long inboxId, long contactId, string sourceId, string status, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("POST", connection, "/conversations");
        var (conversation, answer) = await ChatwootAnswer.ReadAsync(call, () => api.CreateConversation(
            new CreateConversationBody(sourceId, inboxId, contactId, status), connection, cancellationToken));
        return answer.Id(conversation.Id, "the conversation id");
    }

    public async Task SetConversationStatusAsync(ChatwootConnection connection, long conversationId, string status, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("POST", connection, $"/conversations/{conversationId}/toggle_status");
        // {"meta": {}, "payload": {"success": true, "conversation_id", "current_status"}}: nothing in it is kept.
        await ChatwootAnswer.ReadAsync(call, () => api.ToggleStatus(conversationId, new ToggleStatusBody(status), connection, cancellationToken));
    }

    public async Task<long> CreateMessageAsync(ChatwootConnection connection, long conversationId, ChatwootNewMessage message, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("POST", connection, $"/conversations/{conversationId}/messages");
        var (created, answer) = message.Attachments.Count == 0
            ? await ChatwootAnswer.ReadAsync(call, () => api.CreateMessage(
                conversationId, new CreateMessageBody(
                    message.Content, message.MessageType, message.Private, message.SourceId, ReplyAttributes.Of(message.ReplyTo)), connection, cancellationToken))
            : await ChatwootAnswer.ReadAsync(call, () => api.CreateMessageWithAttachments(
                conversationId, ChatwootMultipart.Of(message), connection, cancellationToken));
        return answer.Id(created.Id, "the message id");
    }

    public async Task<long?> FindMessageBySourceIdAsync(ChatwootConnection connection, long conversationId, string sourceId, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("GET", connection, $"/conversations/{conversationId}/messages");
        var (list, answer) = await ChatwootAnswer.ReadAsync(call, () => api.ListMessages(conversationId, connection, cancellationToken));
        foreach (var message in answer.Array(list.Payload, "the message list's payload"))
        {
            if (message.OrNull is { } found && found.SourceId.OrNull == sourceId)
            {
                return answer.Id(found.Id, "the message id");
            }
        }

        return null;
    }

    public async Task UpdateMessageStatusAsync(
        ChatwootConnection connection, long conversationId, long messageId, string status, string? error, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("PATCH", connection, $"/conversations/{conversationId}/messages/{messageId}");
        // Chatwoot answers the message; nothing in it is kept, but it must be Chatwoot's answer.
        await ChatwootAnswer.ReadAsync(call, () => api.UpdateMessage(
            conversationId, messageId, new UpdateMessageStatusBody(status, error), connection, cancellationToken));
    }

    /// <summary>The source id of the contact's contact inbox in <paramref name="inboxId"/>, from its <c>contact_inboxes</c>.</summary>
    private static string? SourceIdIn(ChatwootAnswer answer, ContactAnswer contact, long inboxId)
    {
        foreach (var item in contact.ContactInboxes.OrNull ?? [])
        {
            if (item.OrNull is not { } contactInbox)
            {
                continue;
            }

            var inbox = contactInbox.Inbox.Kind != JsonFieldKind.Absent
                ? ChatwootAnswer.PositiveId(contactInbox.Inbox.OrNull?.Id ?? default)
                : ChatwootAnswer.PositiveId(contactInbox.InboxId);
            if (inbox == inboxId)
            {
                return answer.SourceId(contactInbox.SourceId.OrNull, "the contact inbox's source_id");
            }
        }

        return null;
    }
}
