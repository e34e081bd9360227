namespace RyzeApi.Testing.Chatwoot;

/// <summary>The messaging half of the fake's state: contacts, conversations and messages, the webhooks Chatwoot
/// posts about them, and where the fake listens (attachment URLs are absolute, like Chatwoot's).</summary>
internal sealed partial class FakeChatwootState
{
    private ChatwootWebhooks? _webhooks;

    public MessagingStore Messaging { get; } = new();

    public ContactSearchThrottle SearchThrottle { get; } = new();

    public ChatwootWebhooks Webhooks => LazyInitializer.EnsureInitialized(ref _webhooks, () => new ChatwootWebhooks(this));

    /// <summary><c>http://127.0.0.1:PORT</c>, set once the server has started.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The ids of the account's inboxes.</summary>
    public IReadOnlySet<long> InboxIdsOf(long accountId) => Inboxes().Where(i => i.AccountId == accountId).Select(i => i.Id).ToHashSet();

    public FakeInbox? FindInbox(long inboxId) => Inboxes().FirstOrDefault(i => i.Id == inboxId);

    /// <summary>Forgets contacts, conversations, messages, users and webhook deliveries.</summary>
    public void ResetMessaging()
    {
        Messaging.Reset();
        SearchThrottle.Reset();
        SearchThrottle.Limit = ContactSearchThrottle.DefaultLimit;
        _webhooks?.Reset();
    }
}
