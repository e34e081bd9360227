using Refit;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>Sends one Chatwoot call and classifies whatever kept it from being answered, so Application never sees
/// Refit, Polly or socket exceptions.</summary>
internal static class ChatwootTransport
{
    /// <summary>The error detail's description of a call (never holds the token).</summary>
    public static ChatwootCall Call(string method, ChatwootConnection connection, string path) =>
        new(method, connection.BaseUrl, connection.AccountId, $"/api/v1/accounts/{connection.AccountId}{path}");

    public static async Task<IApiResponse<T>> SendAsync<T>(ChatwootCall call, Func<Task<IApiResponse<T>>> send)
    {
        IApiResponse<T> response;
        try
        {
            response = await send();
        }
        catch (Exception exception) when (exception is not (UpstreamRejectedException or UpstreamUnavailableException or ValidationException))
        {
            // Cancellation included: whether our deadline or the caller's, Chatwoot gave no answer in time.
            throw Classify(call, exception);
        }

        if (response.HasRequestError(out var requestError))
        {
            response.Dispose();
            throw Classify(call, requestError);
        }

        return response;
    }

    private static Exception Classify(ChatwootCall call, Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BlockedDestinationException blocked)
            {
                return new ValidationException([
                    $"chatwootBaseUrl points to {blocked.Message}, which this server is configured to refuse (Chatwoot__BlockPrivateNetworks); use a public address or ask the operator to add the host to Chatwoot__AllowedHosts",
                ]);
            }
        }

        return ChatwootFailureClassifier.FromTransport(call, exception);
    }
}
