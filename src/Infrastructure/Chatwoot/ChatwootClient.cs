using System.Text.Json;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>Adapts the Refit client to Application's <see cref="IChatwootClient"/> and classifies every
/// failure at this boundary, so Application never sees Refit, Polly or socket exceptions.</summary>
internal sealed class ChatwootClient(IChatwootApi api) : IChatwootClient
{
    private readonly IChatwootApi _api = api;

    public async Task<ChatwootInbox> CreateApiInboxAsync(
        ChatwootConnection connection, string name, string webhookUrl, CancellationToken cancellationToken)
    {
        var call = Call("POST", connection, "/inboxes");
        using var response = await SendAsync(call, () => _api.CreateInbox(
            connection.AccountId, new CreateInboxBody(name, new ApiChannelBody("api", webhookUrl)),
            connection.ApiToken, connection.BaseUrl, cancellationToken));
        return await ReadInboxAsync(call, response, cancellationToken);
    }

    public async Task<ChatwootInbox> GetInboxAsync(ChatwootConnection connection, long inboxId, CancellationToken cancellationToken)
    {
        var call = Call("GET", connection, $"/inboxes/{inboxId}");
        using var response = await SendAsync(call, () => _api.GetInbox(
            connection.AccountId, inboxId, connection.ApiToken, connection.BaseUrl, cancellationToken));
        return await ReadInboxAsync(call, response, cancellationToken);
    }

    public async Task SetInboxWebhookAsync(
        ChatwootConnection connection, long inboxId, string webhookUrl, CancellationToken cancellationToken)
    {
        var call = Call("PATCH", connection, $"/inboxes/{inboxId}");
        using var response = await SendAsync(call, () => _api.UpdateInbox(
            connection.AccountId, inboxId, new UpdateInboxBody(new ApiChannelBody(null, webhookUrl)),
            connection.ApiToken, connection.BaseUrl, cancellationToken));
        await EnsureSuccessAsync(call, response, cancellationToken);
    }

    public async Task DeleteInboxAsync(ChatwootConnection connection, long inboxId, CancellationToken cancellationToken)
    {
        var call = Call("DELETE", connection, $"/inboxes/{inboxId}");
        using var response = await SendAsync(call, () => _api.DeleteInbox(
            connection.AccountId, inboxId, connection.ApiToken, connection.BaseUrl, cancellationToken));
        await EnsureSuccessAsync(call, response, cancellationToken);
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

    private static async Task<ChatwootInbox> ReadInboxAsync(ChatwootCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(call, response, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var inboxId))
            {
                throw ChatwootFailureClassifier.NotChatwoot(call, status, body, "the answer is not a Chatwoot inbox");
            }

            return new ChatwootInbox(inboxId, String(root, "name") ?? string.Empty, String(root, "webhook_url"), String(root, "secret"));
        }
        catch (JsonException)
        {
            throw ChatwootFailureClassifier.NotChatwoot(call, status, body, "the answer is not JSON");
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

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
