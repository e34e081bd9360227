namespace RyzeApi.Testing.Chatwoot;

/// <summary>Messages deleted in the dashboard (MessagesController#destroy): the content becomes
/// <c>This message was deleted</c>, the attachments go, and the content attributes are <c>{deleted: true}</c>.</summary>
internal sealed partial class MessagingStore
{
    public const string DeletedContent = "This message was deleted";

    private readonly HashSet<long> _deleted = [];

    public bool IsDeleted(long messageId)
    {
        lock (_lock)
        {
            return _deleted.Contains(messageId);
        }
    }

    /// <summary>Null when the conversation has no such message.</summary>
    public FakeMessage? MarkDeleted(long conversationId, long messageId)
    {
        lock (_lock)
        {
            if (!_messages.TryGetValue(messageId, out var message) || message.ConversationId != conversationId)
            {
                return null;
            }

            _deleted.Add(messageId);
            return _messages[messageId] = message with { Content = DeletedContent, Attachments = [] };
        }
    }
}
