namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>The calls that keep one contact per WhatsApp person: update, merge, and the contact's conversations.</summary>
internal sealed partial class ChatwootMessaging
{
    public async Task UpdateContactAsync(ChatwootConnection connection, long contactId, ChatwootContactChange change, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("PUT", connection, $"/contacts/{contactId}");
        // {"payload": {...the contact}}: nothing in it is kept, but it must be Chatwoot's answer.
        await ChatwootAnswer.ReadAsync(call, () => api.UpdateContact(
            contactId, new UpdateContactBody(change.Name, change.Identifier, change.PhoneNumber, change.AvatarUrl), connection, cancellationToken));
    }

    public async Task MergeContactsAsync(ChatwootConnection connection, long baseContactId, long mergeeContactId, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("POST", connection, "/actions/contact_merge");
        await ChatwootAnswer.ReadAsync(call, () => api.MergeContacts(new ContactMergeBody(baseContactId, mergeeContactId), connection, cancellationToken));
    }

    public async Task<IReadOnlyList<ChatwootConversationSummary>> ListContactConversationsAsync(
        ChatwootConnection connection, long contactId, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("GET", connection, $"/contacts/{contactId}/conversations");
        var (list, answer) = await ChatwootAnswer.ReadAsync(call, () => api.ListContactConversations(contactId, connection, cancellationToken));
        var conversations = new List<ChatwootConversationSummary>();
        foreach (var item in answer.Array(list.Payload, "the conversation list's payload"))
        {
            var conversation = item.OrNull ?? throw answer.Wrong("a conversation in the list is not an object");
            conversations.Add(new ChatwootConversationSummary(
                answer.Id(conversation.Id, "the conversation id"), answer.Id(conversation.InboxId, "the conversation's inbox_id"),
                answer.OptionalString(conversation.Status, "the conversation's status") ?? string.Empty));
        }

        return conversations;
    }
}
