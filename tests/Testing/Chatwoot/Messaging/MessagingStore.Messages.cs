namespace RyzeApi.Testing.Chatwoot;

/// <summary>Messages: creation (with Message#reopen_conversation), Messages::StatusUpdateService, and the
/// attachments' bytes, served by key.</summary>
internal sealed partial class MessagingStore
{
    /// <summary>Creates the message in the conversation; null when the conversation is gone. <c>Reopened</c>
    /// is the status change an incoming message caused on a resolved or snoozed conversation.</summary>
    public (FakeMessage Message, (FakeConversation Before, FakeConversation After)? Reopened)? CreateMessage(
        long conversationId, NewMessage message, string baseUrl)
    {
        lock (_lock)
        {
            if (!_conversations.TryGetValue(conversationId, out var conversation))
            {
                return null;
            }

            var id = ++_lastMessageId;
            var now = DateTimeOffset.UtcNow;
            var attachments = message.Files.Select(file => NewAttachment(id, file, baseUrl)).ToList();
            var repliedTo = RepliedTo(conversationId, message.Reply);
            var created = _messages[id] = new FakeMessage(
                id, conversation.AccountId, conversation.InboxId, conversationId, message.Content, message.MessageType, message.Private,
                message.SourceId, "sent", null, attachments, message.SenderType, message.SenderId, now)
            {
                IsReply = message.Reply is not null, InReplyTo = repliedTo?.Id, InReplyToExternalId = repliedTo?.SourceId,
            };
            if (!_messageIdsByConversation.TryGetValue(conversationId, out var ids))
            {
                _messageIdsByConversation[conversationId] = ids = [];
            }

            ids.Add(id);
            if (message.MessageType == "incoming")
            {
                _incomingByConversation[conversationId] = _incomingByConversation.GetValueOrDefault(conversationId) + 1;
            }

            foreach (var attachment in attachments)
            {
                _blobs[attachment.BlobKey] = attachment;
            }

            var after = conversation with { LastActivityAt = now };
            (FakeConversation, FakeConversation)? reopened = null;
            if (message.MessageType == "incoming" && conversation.Status is "resolved" or "snoozed")
            {
                after = after with { Status = "open", PreviousStatus = conversation.Status };
                reopened = (conversation, after);
            }

            _conversations[conversationId] = after;
            return (created, reopened);
        }
    }

    /// <summary>Messages::InReplyToMessageBuilder: the message of the same conversation with id <c>in_reply_to</c> when
    /// given, else the one whose source_id is <c>in_reply_to_external_id</c>. Called under the lock.</summary>
    private FakeMessage? RepliedTo(long conversationId, ReplyParams? reply)
    {
        if (reply is null || !_messageIdsByConversation.TryGetValue(conversationId, out var ids))
        {
            return null;
        }

        return reply.InReplyTo is { } inReplyTo
            ? long.TryParse(inReplyTo, out var id) && ids.Contains(id) ? _messages[id] : null
            : ids.Select(i => _messages[i]).FirstOrDefault(m => m.SourceId == reply.InReplyToExternalId);
    }

    public FakeMessage? FindMessage(long conversationId, long messageId)
    {
        lock (_lock)
        {
            return _messages.TryGetValue(messageId, out var message) && message.ConversationId == conversationId ? message : null;
        }
    }

    public IReadOnlyList<FakeMessage> Messages()
    {
        lock (_lock)
        {
            return [.. _messages.Values];
        }
    }

    public IReadOnlyList<FakeMessage> MessagesOf(long conversationId)
    {
        lock (_lock)
        {
            return _messageIdsByConversation.TryGetValue(conversationId, out var ids) ? [.. ids.Select(id => _messages[id])] : [];
        }
    }

    /// <summary>How many incoming messages the conversation has.</summary>
    public int IncomingCount(long conversationId)
    {
        lock (_lock)
        {
            return _incomingByConversation.GetValueOrDefault(conversationId);
        }
    }

    /// <summary>The conversation's latest message that matches <paramref name="where"/> (any when null).</summary>
    public FakeMessage? LastMessageOf(long conversationId, Func<FakeMessage, bool>? where = null)
    {
        lock (_lock)
        {
            if (!_messageIdsByConversation.TryGetValue(conversationId, out var ids))
            {
                return null;
            }

            for (var i = ids.Count - 1; i >= 0; i--)
            {
                var message = _messages[ids[i]];
                if (where is null || where(message))
                {
                    return message;
                }
            }

            return null;
        }
    }

    /// <summary>Messages::StatusUpdateService: an unknown status, or <c>delivered</c> after <c>read</c>, changes
    /// nothing; <c>external_error</c> is kept only with <c>failed</c>. Null when there is no such message.</summary>
    public (FakeMessage Message, bool Changed)? UpdateStatus(long conversationId, long messageId, string? status, string? externalError)
    {
        lock (_lock)
        {
            if (!_messages.TryGetValue(messageId, out var message) || message.ConversationId != conversationId)
            {
                return null;
            }

            if (status is null || !FakeMessage.Statuses.Contains(status) || (message.Status == "read" && status == "delivered"))
            {
                return (message, false);
            }

            var updated = message with { Status = status, ExternalError = status == "failed" ? externalError : null };
            if (updated == message)
            {
                return (message, false);
            }

            return (_messages[messageId] = updated, true);
        }
    }

    public FakeAttachment? FindBlob(string key)
    {
        lock (_lock)
        {
            return _blobs.GetValueOrDefault(key);
        }
    }

    private FakeAttachment NewAttachment(long messageId, FakeFile file, string baseUrl)
    {
        var key = SecureToken.Generate();
        var url = $"{baseUrl}{BlobEndpoints.RedirectPrefix}{key}/{Uri.EscapeDataString(file.FileName)}";
        return new FakeAttachment(++_lastAttachmentId, messageId, file.FileName, file.ContentType, FileTypes.Of(file.ContentType), file.Content.ToArray(), url)
        {
            BlobKey = key,
        };
    }
}
