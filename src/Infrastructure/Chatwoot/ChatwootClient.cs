namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>Adapts the Refit client to Application's <see cref="IChatwootClient"/> and classifies every
/// failure at this boundary (<see cref="ChatwootTransport"/>, <see cref="ChatwootAnswer"/>).</summary>
internal sealed class ChatwootClient(IChatwootApi api) : IChatwootClient
{
    public async Task<ChatwootInbox> CreateApiInboxAsync(
        ChatwootConnection connection, string name, string webhookUrl, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("POST", connection, "/inboxes");
        var (inbox, answer) = await ChatwootAnswer.ReadAsync(call, () => api.CreateInbox(
            new CreateInboxBody(name, new ApiChannelBody("api", webhookUrl)), connection, cancellationToken));
        return Inbox(inbox, answer);
    }

    public async Task<ChatwootInbox> GetInboxAsync(ChatwootConnection connection, long inboxId, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("GET", connection, $"/inboxes/{inboxId}");
        var (inbox, answer) = await ChatwootAnswer.ReadAsync(call, () => api.GetInbox(inboxId, connection, cancellationToken));
        return Inbox(inbox, answer, inboxId);
    }

    public async Task SetInboxWebhookAsync(
        ChatwootConnection connection, long inboxId, string webhookUrl, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("PATCH", connection, $"/inboxes/{inboxId}");
        var (inbox, answer) = await ChatwootAnswer.ReadAsync(call, () => api.UpdateInbox(
            inboxId, new UpdateInboxBody(new ApiChannelBody(null, webhookUrl)), connection, cancellationToken));
        Inbox(inbox, answer, inboxId);
    }

    public async Task DeleteInboxAsync(ChatwootConnection connection, long inboxId, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("DELETE", connection, $"/inboxes/{inboxId}");
        using var response = await ChatwootTransport.SendAsync(call, () => api.DeleteInbox(inboxId, connection, cancellationToken));
        // Chatwoot answers {"message": "Your inbox deletion request will be processed in some time."}; a proxy or
        // an older Chatwoot may answer 200/204 with no body, which is still a deletion. A page that is not JSON is not.
        if (response.IsSuccessStatusCode && response.ContentHeaders?.ContentLength == 0)
        {
            return;
        }

        ChatwootAnswer.Judge(call, response);
    }

    public async Task<long?> FindInboxByWebhookUrlAsync(ChatwootConnection connection, string webhookUrl, CancellationToken cancellationToken)
    {
        var call = ChatwootTransport.Call("GET", connection, "/inboxes");
        var (list, answer) = await ChatwootAnswer.ReadAsync(call, () => api.ListInboxes(connection, cancellationToken));
        foreach (var inbox in answer.Array(list.Payload, "the inbox list's payload"))
        {
            if (inbox.OrNull is { } found && found.WebhookUrl.OrNull == webhookUrl)
            {
                return answer.Id(found.Id, "the inbox id");
            }
        }

        return null;
    }

    /// <summary>An inbox answer: a positive id (the one asked for, when known), a name, and the API channel's
    /// optional strings. Anything else is not Chatwoot's and is classified as such.</summary>
    private static ChatwootInbox Inbox(InboxAnswer inbox, ChatwootAnswer answer, long? expectedId = null)
    {
        var id = answer.Id(inbox.Id, "the inbox id");
        if (expectedId is { } expected && id != expected)
        {
            throw answer.Wrong($"the answer is inbox {id}, not inbox {expected}");
        }

        return new ChatwootInbox(
            id,
            answer.RequiredString(inbox.Name, "the inbox name"),
            answer.OptionalString(inbox.WebhookUrl, "the inbox webhook_url"),
            answer.OptionalString(inbox.Secret, "the inbox secret"));
    }
}
