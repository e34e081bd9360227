namespace RyzeApi.Testing.Chatwoot;

/// <summary>Conversations: ConversationBuilder's create (always a new one: <c>lock_to_single_conversation</c> is
/// off) and status changes.</summary>
internal sealed partial class MessagingStore
{
    /// <summary>Chatwoot's conversation statuses.</summary>
    public static readonly IReadOnlyList<string> ConversationStatuses = ["open", "resolved", "pending", "snoozed"];

    public FakeConversation CreateConversation(long accountId, FakeContactInbox contactInbox, string status)
    {
        lock (_lock)
        {
            var now = DateTimeOffset.UtcNow;
            var conversation = new FakeConversation(
                ++_lastConversationId, accountId, contactInbox.InboxId, contactInbox.ContactId, contactInbox.Id, contactInbox.SourceId,
                status, null, now, now);
            return _conversations[conversation.Id] = conversation;
        }
    }

    public FakeConversation? FindConversation(long accountId, long conversationId)
    {
        lock (_lock)
        {
            return _conversations.TryGetValue(conversationId, out var conversation) && conversation.AccountId == accountId ? conversation : null;
        }
    }

    public FakeConversation? FindConversation(long conversationId)
    {
        lock (_lock)
        {
            return _conversations.GetValueOrDefault(conversationId);
        }
    }

    public IReadOnlyList<FakeConversation> Conversations()
    {
        lock (_lock)
        {
            return [.. _conversations.Values];
        }
    }

    /// <summary>Sets the status; returns the conversation before and after, or null when there is none.
    /// <c>Changed</c> is false when it already had that status (Chatwoot then fires no status event).</summary>
    public (FakeConversation Before, FakeConversation After, bool Changed)? SetStatus(long conversationId, string status)
    {
        lock (_lock)
        {
            if (!_conversations.TryGetValue(conversationId, out var before))
            {
                return null;
            }

            if (before.Status == status)
            {
                return (before, before, false);
            }

            var after = _conversations[conversationId] = before with { Status = status, PreviousStatus = before.Status };
            return (before, after, true);
        }
    }

    /// <summary>Deletes the conversation and its messages (Conversations::DeleteService).</summary>
    public bool DeleteConversation(long conversationId)
    {
        lock (_lock)
        {
            _messageIdsByConversation.Remove(conversationId);
            _incomingByConversation.Remove(conversationId);
            foreach (var message in _messages.Values.Where(m => m.ConversationId == conversationId).ToList())
            {
                _messages.Remove(message.Id);
                foreach (var attachment in message.Attachments)
                {
                    _blobs.Remove(attachment.BlobKey);
                }
            }

            return _conversations.Remove(conversationId);
        }
    }
}
