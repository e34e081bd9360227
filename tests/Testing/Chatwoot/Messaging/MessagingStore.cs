namespace RyzeApi.Testing.Chatwoot;

/// <summary>The fake's contacts, contact inboxes, conversations, messages and users. Every member is atomic
/// under one lock; the records it hands out are immutable. Split by resource over the partial files.</summary>
internal sealed partial class MessagingStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, FakeContact> _contacts = [];
    private readonly SortedDictionary<long, FakeContactInbox> _contactInboxes = [];
    private readonly SortedDictionary<long, FakeConversation> _conversations = [];
    private readonly SortedDictionary<long, FakeMessage> _messages = [];

    // Message ids per conversation (ids only grow, so appending keeps them in order) and each conversation's
    // incoming count: rendering a message (unread count, last message) costs O(1), as Chatwoot's indexed
    // queries do, so a benchmark of thousands of messages measures RyzeApi rather than the fake.
    private readonly Dictionary<long, List<long>> _messageIdsByConversation = [];
    private readonly Dictionary<long, int> _incomingByConversation = [];
    private readonly Dictionary<string, FakeAttachment> _blobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeUser> _tokenUsers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, FakeUser> _users = [];
    private long _lastContactId;
    private long _lastContactInboxId;
    private long _lastConversationId;
    private long _lastMessageId;
    private long _lastAttachmentId;
    private long _lastUserId;

    /// <summary>The user behind an access token (made on first use, as the token's owner).</summary>
    public FakeUser UserForToken(string token)
    {
        lock (_lock)
        {
            if (!_tokenUsers.TryGetValue(token, out var user))
            {
                var id = ++_lastUserId;
                _tokenUsers[token] = user = _users[id] = new FakeUser(id, $"User {id}", $"user{id}@chatwoot.test");
            }

            return user;
        }
    }

    /// <summary>The agent called <paramref name="name"/> (made on first use).</summary>
    public FakeUser AgentNamed(string name)
    {
        lock (_lock)
        {
            if (_users.Values.FirstOrDefault(u => u.Name == name) is { } known)
            {
                return known;
            }

            var id = ++_lastUserId;
            return _users[id] = new FakeUser(id, name, $"agent{id}@chatwoot.test");
        }
    }

    public FakeUser? FindUser(long id)
    {
        lock (_lock)
        {
            return _users.GetValueOrDefault(id);
        }
    }

    /// <summary>Forgets everything; ids start at 1 again.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _contacts.Clear();
            _contactInboxes.Clear();
            _conversations.Clear();
            _messages.Clear();
            _deleted.Clear();
            _messageIdsByConversation.Clear();
            _incomingByConversation.Clear();
            _blobs.Clear();
            _tokenUsers.Clear();
            _users.Clear();
            _lastContactId = _lastContactInboxId = _lastConversationId = _lastMessageId = _lastAttachmentId = _lastUserId = 0;
        }
    }
}
