using System.Text.Json.Nodes;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>WebhookListener for API inboxes: the payload is built when the event happens and posted to the inbox's
/// <c>webhook_url</c>, in the background as a Sidekiq job would (<see cref="Automatic"/>), or awaited when a test
/// sends it. A failed <c>message_created</c>/<c>message_updated</c> marks the message <c>failed</c> with the error,
/// as Webhooks::Trigger#handle_error does.</summary>
internal sealed class ChatwootWebhooks(FakeChatwootState state)
{
    private readonly WebhookSender _sender = new();
    private readonly Lock _lock = new();
    private readonly List<FakeWebhookDelivery> _deliveries = [];
    private readonly List<Task> _pending = [];
    private CancellationTokenSource _generation = new();
    private bool _stopped;

    /// <summary>Whether Chatwoot's own webhooks (on API changes) are posted.</summary>
    public bool Automatic { get; set; } = true;

    public WebhookSigning Signing { get; set; } = WebhookSigning.Signed;

    /// <summary>How long the background job waits before posting (Sidekiq's latency).</summary>
    public TimeSpan Delay { get; set; }

    public TimeSpan Timeout
    {
        get => _sender.Timeout;
        set => _sender.Timeout = value;
    }

    public IReadOnlyList<FakeWebhookDelivery> Deliveries()
    {
        lock (_lock)
        {
            return [.. _deliveries];
        }
    }

    public void OnMessageCreated(FakeMessage message) => EnqueueMessage(message, WebhookPayloads.MessageCreated);

    public void OnMessageUpdated(FakeMessage message) => EnqueueMessage(message, WebhookPayloads.MessageUpdated);

    public void OnConversationCreated(FakeConversation conversation) =>
        Enqueue(ConversationRequest(conversation, WebhookPayloads.ConversationCreated, null, Signing, automatic: true));

    public void OnConversationStatusChanged(FakeConversation conversation, string? previousStatus) =>
        Enqueue(ConversationRequest(conversation, WebhookPayloads.ConversationStatusChanged, previousStatus, Signing, automatic: true));

    /// <summary>Posts a message event now and returns the answer (the caller disposes it).</summary>
    public Task<HttpResponseMessage> SendMessageAsync(FakeMessage message, string eventName, WebhookSigning signing, CancellationToken cancellationToken) =>
        SendNowAsync(MessageRequest(message, eventName, signing, automatic: false), cancellationToken);

    public Task<HttpResponseMessage> SendConversationAsync(
        FakeConversation conversation, string eventName, string? previousStatus, WebhookSigning signing, CancellationToken cancellationToken) =>
        SendNowAsync(ConversationRequest(conversation, eventName, previousStatus, signing, automatic: false), cancellationToken);

    /// <summary>Posts a body built by the caller (an event the fake's state does not render by itself) now.</summary>
    public Task<HttpResponseMessage> SendBodyAsync(
        long conversationId, long? messageId, JsonObject body, WebhookSigning signing, CancellationToken cancellationToken)
    {
        var conversation = state.Messaging.FindConversation(conversationId);
        var request = conversation is not null && state.FindInbox(conversation.InboxId) is { WebhookUrl: { Length: > 0 } url } inbox
            ? new WebhookRequest((string)body["event"]!, url, body.ToJsonString(ChatwootReply.JsonOptions), inbox.Secret, signing, messageId, conversationId, false)
            : null;
        return SendNowAsync(request, cancellationToken);
    }

    /// <summary>Completes once no background webhook is pending, including those queued meanwhile.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task[] pending;
            lock (_lock)
            {
                _pending.RemoveAll(t => t.IsCompleted);
                pending = [.. _pending];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).WaitAsync(cancellationToken);
        }
    }

    /// <summary>Cancels pending background webhooks, forgets the deliveries and restores the defaults.</summary>
    public void Reset()
    {
        CancellationTokenSource previous;
        lock (_lock)
        {
            Automatic = true;
            Signing = WebhookSigning.Signed;
            Delay = TimeSpan.Zero;
            Timeout = TimeSpan.FromSeconds(5);
            previous = _generation;
            _generation = new CancellationTokenSource();
            _deliveries.Clear();
            _pending.Clear();
        }

        previous.Cancel();
        previous.Dispose();
    }

    /// <summary>For the fake's shutdown: nothing more is posted.</summary>
    public void Stop()
    {
        CancellationTokenSource generation;
        lock (_lock)
        {
            _stopped = true;
            generation = _generation;
        }

        generation.Cancel();
        _sender.Dispose();
    }

    private void EnqueueMessage(FakeMessage message, string eventName)
    {
        if (IsWebhookSendable(message))
        {
            Enqueue(MessageRequest(message, eventName, Signing, automatic: true));
        }
    }

    private void Enqueue(WebhookRequest? request)
    {
        if (request is null || !Automatic)
        {
            return;
        }

        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            var token = _generation.Token;
            var delay = Delay;
            _pending.Add(Task.Run(async () =>
            {
                try
                {
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, token);
                    }

                    using var response = await PostAsync(request, token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException or ObjectDisposedException)
                {
                    // A reset, the fake stopping, or a transport error already recorded in the deliveries.
                }
            }, CancellationToken.None));
        }
    }

    private async Task<HttpResponseMessage> SendNowAsync(WebhookRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new InvalidOperationException("The inbox has no webhook_url: Chatwoot posts no webhook for it.");
        }

        return await PostAsync(request, cancellationToken) ?? throw new InvalidOperationException("unreachable");
    }

    /// <summary>Posts and records; throws the transport error (after recording it) when there is no answer.</summary>
    private async Task<HttpResponseMessage?> PostAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var (response, delivery, failure) = await _sender.PostAsync(request, cancellationToken);
        lock (_lock)
        {
            _deliveries.Add(delivery);
        }

        if (delivery.Error is { } error && request.MessageId is { } messageId && request.ConversationId is { } conversationId
            && request.Event is WebhookPayloads.MessageCreated or WebhookPayloads.MessageUpdated
            && state.Messaging.UpdateStatus(conversationId, messageId, "failed", error) is { Changed: true } updated)
        {
            OnMessageUpdated(updated.Message);
        }

        if (failure is not null)
        {
            throw failure;
        }

        return response;
    }

    private WebhookRequest? MessageRequest(FakeMessage message, string eventName, WebhookSigning signing, bool automatic)
    {
        var conversation = state.Messaging.FindConversation(message.ConversationId);
        if (conversation is null || state.FindInbox(message.InboxId) is not { WebhookUrl: { Length: > 0 } url } inbox)
        {
            return null;
        }

        var body = WebhookPayloads.Message(state, message, conversation, eventName).ToJsonString(ChatwootReply.JsonOptions);
        return new WebhookRequest(eventName, url, body, inbox.Secret, signing, message.Id, conversation.Id, automatic);
    }

    private WebhookRequest? ConversationRequest(FakeConversation conversation, string eventName, string? previousStatus, WebhookSigning signing, bool automatic)
    {
        if (state.FindInbox(conversation.InboxId) is not { WebhookUrl: { Length: > 0 } url } inbox)
        {
            return null;
        }

        var body = WebhookPayloads.Conversation(state, conversation, eventName, previousStatus).ToJsonString(ChatwootReply.JsonOptions);
        return new WebhookRequest(eventName, url, body, inbox.Secret, signing, null, conversation.Id, automatic);
    }

    // Message#webhook_sendable?: activity messages are never posted.
    private static bool IsWebhookSendable(FakeMessage message) => message.MessageType is "incoming" or "outgoing" or "template";
}
