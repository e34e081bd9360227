namespace RyzeApi.Testing.Chatwoot;

/// <summary>The messaging side of the fake: contacts, contact inboxes, conversations and messages as the API made
/// them, what an agent does in the dashboard, and the webhooks Chatwoot posts to an inbox's <c>webhook_url</c>.</summary>
public sealed partial class FakeChatwoot
{
    public IReadOnlyList<FakeContact> Contacts => _state.Messaging.Contacts();

    public IReadOnlyList<FakeContactInbox> ContactInboxes => _state.Messaging.ContactInboxes();

    /// <summary>Contact inboxes made by <c>POST /conversations</c> without a <c>source_id</c>; a client should never cause one.</summary>
    public IReadOnlyList<FakeContactInbox> OrphanContactInboxes => [.. ContactInboxes.Where(ci => ci.IsOrphan)];

    public IReadOnlyList<FakeConversation> Conversations => _state.Messaging.Conversations();

    /// <summary>Every message of every conversation, by id.</summary>
    public IReadOnlyList<FakeMessage> Messages => _state.Messaging.Messages();

    /// <summary>Every webhook posted (or attempted), in the order they completed.</summary>
    public IReadOnlyList<FakeWebhookDelivery> WebhookDeliveries => _state.Webhooks.Deliveries();

    /// <summary>Whether Chatwoot's own webhooks are posted, in the background as Sidekiq would: <c>message_created</c>
    /// for every message created through the API (incoming and outgoing, private notes too), <c>message_updated</c>,
    /// <c>conversation_created</c> and <c>conversation_status_changed</c>. On by default.</summary>
    public bool AutomaticWebhooks
    {
        get => _state.Webhooks.Automatic;
        set => _state.Webhooks.Automatic = value;
    }

    /// <summary>How the automatic webhooks, and the helpers' by default, are signed. <see cref="WebhookSigning.Signed"/> by default.</summary>
    public WebhookSigning WebhookSigning
    {
        get => _state.Webhooks.Signing;
        set => _state.Webhooks.Signing = value;
    }

    /// <summary>How long an automatic webhook waits before it is posted (zero by default).</summary>
    public TimeSpan WebhookDelay
    {
        get => _state.Webhooks.Delay;
        set => _state.Webhooks.Delay = value;
    }

    /// <summary>How long a webhook waits for the receiver (Chatwoot's 5 seconds by default).</summary>
    public TimeSpan WebhookTimeout
    {
        get => _state.Webhooks.Timeout;
        set => _state.Webhooks.Timeout = value;
    }

    /// <summary>Contact searches allowed per account and minute before 429 <c>Retry later</c> (Chatwoot's 100);
    /// null turns the throttle off.</summary>
    public int? ContactSearchLimitPerMinute
    {
        get => _state.SearchThrottle.Limit;
        set => _state.SearchThrottle.Limit = value;
    }

    public void ResetContactSearchThrottle() => _state.SearchThrottle.Reset();

    public FakeConversation? FindConversation(long conversationId) => _state.Messaging.FindConversation(conversationId);

    /// <summary>The conversation's messages, oldest first.</summary>
    public IReadOnlyList<FakeMessage> MessagesIn(long conversationId) => _state.Messaging.MessagesOf(conversationId);

    /// <summary>Seeds a contact (Chatwoot's validations apply), with a contact inbox in <paramref name="inboxId"/>
    /// when given (a random UUID source id unless <paramref name="sourceId"/>).</summary>
    public FakeContact AddContact(
        long accountId, string name, string? identifier = null, string? phoneNumber = null, long? inboxId = null, string? sourceId = null)
    {
        var contact = _state.Messaging.CreateContact(accountId, name, identifier, phoneNumber, null, out var errors)
            ?? throw new InvalidOperationException(string.Join(", ", errors.Messages));
        if (inboxId is { } id)
        {
            var inbox = _state.FindInbox(accountId, id) ?? throw new InvalidOperationException($"Inbox {id} is not in account {accountId}.");
            _ = _state.Messaging.FindOrCreateContactInbox(contact.Id, inbox.Id, sourceId, ContactInboxOrigin.Seeded)
                ?? throw new InvalidOperationException($"Source id {sourceId} is taken in inbox {id}.");
        }

        return contact;
    }

    /// <summary>Seeds a conversation of the contact in the inbox, on the contact's contact inbox there (made if it has
    /// none, or with <paramref name="sourceId"/>). Posts no webhook.</summary>
    public FakeConversation AddConversation(long inboxId, long contactId, string status = "open", string? sourceId = null)
    {
        var inbox = _state.FindInbox(inboxId) ?? throw new InvalidOperationException($"Inbox {inboxId} is unknown.");
        var contact = _state.Messaging.FindContact(inbox.AccountId, contactId)
            ?? throw new InvalidOperationException($"Contact {contactId} is not in account {inbox.AccountId}.");
        var contactInbox = (sourceId is null ? _state.Messaging.ContactInboxesOf(contact.Id).FirstOrDefault(ci => ci.InboxId == inboxId) : null)
            ?? _state.Messaging.FindOrCreateContactInbox(contact.Id, inboxId, sourceId, ContactInboxOrigin.Seeded)
            ?? throw new InvalidOperationException($"Source id {sourceId} is taken in inbox {inboxId}.");
        return _state.Messaging.CreateConversation(inbox.AccountId, contactInbox, RequireStatus(status));
    }

    /// <summary>Seeds a message without posting a webhook (an incoming one is the contact's, others an agent's).</summary>
    public FakeMessage AddMessage(
        long conversationId, string? content, string messageType = "incoming", string? sourceId = null, bool isPrivate = false,
        IReadOnlyList<FakeFile>? attachments = null)
    {
        var conversation = RequireConversation(conversationId);
        if (!FakeMessage.MessageTypes.Contains(messageType))
        {
            throw new ArgumentOutOfRangeException(nameof(messageType), messageType, "Chatwoot's message types are incoming, outgoing, activity and template.");
        }

        var (senderType, senderId) = messageType == "incoming" ? ("Contact", conversation.ContactId) : ("User", _state.Messaging.AgentNamed("Agent").Id);
        var message = new NewMessage(content, messageType, isPrivate, sourceId, senderType, senderId, attachments ?? []);
        return _state.Messaging.CreateMessage(conversationId, message, BaseUrl)?.Message
            ?? throw new InvalidOperationException($"Conversation {conversationId} is unknown.");
    }

    /// <summary>Changes the status as an agent would in the dashboard. Posts nothing: follow it with
    /// <see cref="SendConversationStatusChangedAsync"/> to deliver the webhook Chatwoot would send.</summary>
    public FakeConversation SetConversationStatus(long conversationId, string status) =>
        _state.Messaging.SetStatus(RequireConversation(conversationId).Id, RequireStatus(status))?.After
            ?? throw new InvalidOperationException($"Conversation {conversationId} is unknown.");

    /// <summary>Deletes the conversation and its messages, as an administrator can; the API then answers 404 for it.</summary>
    public bool DeleteConversation(long conversationId) => _state.Messaging.DeleteConversation(conversationId);

    /// <summary>An agent replies in the dashboard: creates the outgoing message (sent by the agent called
    /// <paramref name="agentName"/>) and posts its <c>message_created</c> webhook to the inbox's <c>webhook_url</c>,
    /// signed as <paramref name="signing"/> says (<see cref="WebhookSigning"/> by default). Returns the receiver's
    /// answer (dispose it); a transport failure is thrown after it is recorded. A failed delivery marks the message
    /// <c>failed</c>, as Chatwoot does.</summary>
    public async Task<HttpResponseMessage> SendAgentReplyAsync(
        long conversationId, string? content, string agentName = "Agent", IReadOnlyList<FakeFile>? attachments = null, bool isPrivate = false,
        WebhookSigning? signing = null, CancellationToken cancellationToken = default)
    {
        var conversation = RequireConversation(conversationId);
        if (_state.FindInbox(conversation.InboxId) is not { WebhookUrl: { Length: > 0 } })
        {
            throw new InvalidOperationException($"Inbox {conversation.InboxId} has no webhook_url: Chatwoot would post no webhook.");
        }

        var agent = _state.Messaging.AgentNamed(agentName);
        var message = new NewMessage(content, "outgoing", isPrivate, null, "User", agent.Id, attachments ?? []);
        var created = _state.Messaging.CreateMessage(conversation.Id, message, BaseUrl)?.Message
            ?? throw new InvalidOperationException($"Conversation {conversationId} is unknown.");
        return await _state.Webhooks.SendMessageAsync(created, WebhookPayloads.MessageCreated, signing ?? WebhookSigning, cancellationToken);
    }

    /// <summary>Posts <c>conversation_status_changed</c> for the conversation as it is now (with its previous status
    /// in <c>changed_attributes</c>) and returns the receiver's answer.</summary>
    public Task<HttpResponseMessage> SendConversationStatusChangedAsync(
        long conversationId, WebhookSigning? signing = null, CancellationToken cancellationToken = default)
    {
        var conversation = RequireConversation(conversationId);
        return _state.Webhooks.SendConversationAsync(
            conversation, WebhookPayloads.ConversationStatusChanged, conversation.PreviousStatus, signing ?? WebhookSigning, cancellationToken);
    }

    /// <summary>Waits until at least <paramref name="count"/> messages match <paramref name="where"/> (all when null),
    /// 10 s by default; returns the matching ones.</summary>
    public async Task<IReadOnlyList<FakeMessage>> WaitForMessagesAsync(
        int count, Func<FakeMessage, bool>? where = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var matching = Messages.Where(where ?? (_ => true)).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            try
            {
                await Task.Delay(20, limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{matching.Count} matching messages, not {count}: {string.Join("; ", Messages)}");
            }
        }
    }

    /// <summary>Completes once every automatic webhook queued so far (and any they caused) has been posted.</summary>
    public Task WaitForWebhooksAsync(CancellationToken cancellationToken = default) => _state.Webhooks.WhenIdleAsync(cancellationToken);

    /// <summary>HEX(HMAC-SHA256(secret, "TIMESTAMP.BODY")): the part of <c>X-Chatwoot-Signature</c> after <c>sha256=</c>.</summary>
    public static string ComputeWebhookSignature(string secret, string timestamp, string body) => WebhookSender.Sign(secret, timestamp, body);

    private FakeConversation RequireConversation(long conversationId) =>
        _state.Messaging.FindConversation(conversationId) ?? throw new InvalidOperationException($"Conversation {conversationId} is unknown.");

    private static string RequireStatus(string status) =>
        MessagingStore.ConversationStatuses.Contains(status)
            ? status
            : throw new ArgumentOutOfRangeException(nameof(status), status, "Chatwoot's statuses are open, resolved, pending and snoozed.");
}
