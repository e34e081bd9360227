using System.Text.Json;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>Adapts the Refit client to Application's <see cref="IChatwootClient"/> and classifies every
/// failure at this boundary, so Application never sees Refit, Polly or socket exceptions.</summary>
internal sealed class ChatwootClient(IChatwootApi api) : IChatwootClient
{
    public async Task<ChatwootInbox> CreateApiInboxAsync(
        ChatwootConnection connection, string name, string webhookUrl, CancellationToken cancellationToken)
    {
        var call = Call("POST", connection, "/inboxes");
        using var response = await SendAsync(call, () => api.CreateInbox(
            connection.AccountId, new CreateInboxBody(name, new ApiChannelBody("api", webhookUrl)),
            connection.ApiToken, connection.BaseUrl, cancellationToken));
        return await ReadInboxAsync(call, response, cancellationToken);
    }

    public async Task<ChatwootInbox> GetInboxAsync(ChatwootConnection connection, long inboxId, CancellationToken cancellationToken)
    {
        var call = Call("GET", connection, $"/inboxes/{inboxId}");
        using var response = await SendAsync(call, () => api.GetInbox(
            connection.AccountId, inboxId, connection.ApiToken, connection.BaseUrl, cancellationToken));
        return await ReadInboxAsync(call, response, cancellationToken, inboxId);
    }

    public async Task SetInboxWebhookAsync(
        ChatwootConnection connection, long inboxId, string webhookUrl, CancellationToken cancellationToken)
    {
        var call = Call("PATCH", connection, $"/inboxes/{inboxId}");
        using var response = await SendAsync(call, () => api.UpdateInbox(
            connection.AccountId, inboxId, new UpdateInboxBody(new ApiChannelBody(null, webhookUrl)),
            connection.ApiToken, connection.BaseUrl, cancellationToken));
        await ReadInboxAsync(call, response, cancellationToken, inboxId);
    }

    public async Task DeleteInboxAsync(ChatwootConnection connection, long inboxId, CancellationToken cancellationToken)
    {
        var call = Call("DELETE", connection, $"/inboxes/{inboxId}");
        using var response = await SendAsync(call, () => api.DeleteInbox(
            connection.AccountId, inboxId, connection.ApiToken, connection.BaseUrl, cancellationToken));
        // Chatwoot answers {"message": "Your inbox deletion request will be processed in some time."}; a proxy or
        // an older Chatwoot may answer 200/204 with no body, which is still a deletion. A page that is not JSON is not.
        if (response.IsSuccessStatusCode && response.Content.Headers.ContentLength == 0)
        {
            return;
        }

        using var answer = await ChatwootAnswer.ReadAsync(call, response, cancellationToken);
    }

    public async Task<long?> FindInboxByWebhookUrlAsync(ChatwootConnection connection, string webhookUrl, CancellationToken cancellationToken)
    {
        var call = Call("GET", connection, "/inboxes");
        using var response = await SendAsync(call, () => api.ListInboxes(
            connection.AccountId, connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var answer = await ChatwootAnswer.ReadAsync(call, response, cancellationToken);
        foreach (var inbox in answer.Array(answer.Root, "payload", "the inbox list's payload").EnumerateArray())
        {
            if (inbox.ValueKind == JsonValueKind.Object
                && inbox.TryGetProperty("webhook_url", out var url) && url.ValueKind == JsonValueKind.String
                && url.GetString() == webhookUrl)
            {
                return answer.Id(inbox, "id", "the inbox id");
            }
        }

        return null;
    }

    internal static ChatwootCall Call(string method, ChatwootConnection connection, string path) =>
        new(method, connection.BaseUrl, connection.AccountId, $"/api/v1/accounts/{connection.AccountId}{path}");

    internal static async Task<HttpResponseMessage> SendAsync(ChatwootCall call, Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (Exception exception) when (!IsClassified(exception))
        {
            if (Find<BlockedDestinationException>(exception) is { } blocked)
            {
                throw new ValidationException([
                    $"chatwootBaseUrl points to {blocked.Message}, which this server is configured to refuse (Chatwoot__BlockPrivateNetworks); use a public address or ask the operator to add the host to Chatwoot__AllowedHosts",
                ]);
            }

            // Cancellation included: whether our deadline or the caller's, Chatwoot gave no answer in time.
            throw ChatwootFailureClassifier.FromTransport(call, exception);
        }
    }

    internal static async Task EnsureSuccessAsync(ChatwootCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw ChatwootFailureClassifier.FromResponse(call, (int)response.StatusCode, body, response.Headers.Location?.ToString());
        }
    }

    /// <summary>An inbox answer: a positive id (the one asked for, when known), a name, and the API channel's
    /// optional strings. Anything else is not Chatwoot's and is classified as such.</summary>
    private static async Task<ChatwootInbox> ReadInboxAsync(
        ChatwootCall call, HttpResponseMessage response, CancellationToken cancellationToken, long? expectedId = null)
    {
        using var answer = await ChatwootAnswer.ReadAsync(call, response, cancellationToken);
        var root = answer.Root;
        var id = answer.Id(root, "id", "the inbox id");
        if (expectedId is { } expected && id != expected)
        {
            throw answer.Wrong($"the answer is inbox {id}, not inbox {expected}");
        }

        return new ChatwootInbox(
            id,
            answer.RequiredString(root, "name", "the inbox name"),
            answer.OptionalString(root, "webhook_url", "the inbox webhook_url"),
            answer.OptionalString(root, "secret", "the inbox secret"));
    }

    private static bool IsClassified(Exception exception) =>
        exception is UpstreamRejectedException or UpstreamUnavailableException or ValidationException;

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }
}
