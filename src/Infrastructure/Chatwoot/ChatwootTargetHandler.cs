using System.Globalization;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>Points each request at its integration's Chatwoot. Every integration has its own base URL, account and
/// token, yet all share one typed client and one handler chain: the <see cref="ChatwootConnection"/> travels as a
/// request option (Refit's <c>[Property]</c>), and this handler makes the account's absolute URL from it and sets
/// the token as the hyphenated <c>api-access-token</c> header, which survives nginx's default of dropping
/// underscored headers. It sits outside the resilience handler, so the pipeline (and its circuit breaker) is
/// chosen per Chatwoot host.</summary>
internal sealed class ChatwootTargetHandler : DelegatingHandler
{
    public const string ConnectionProperty = "chatwoot.connection";
    public const string TokenHeader = "api-access-token";
    private static readonly HttpRequestOptionsKey<ChatwootConnection> s_connection = new(ConnectionProperty);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(s_connection, out var connection) || connection is null)
        {
            // A route declared without its [Property] parameter: a programming error, never a user's input.
            throw new InvalidOperationException($"The Chatwoot request {request.Method} {request.RequestUri?.PathAndQuery} carries no connection (option {ConnectionProperty}).");
        }

        // Routes are declared relative to the account: /inboxes becomes {base}/api/v1/accounts/{id}/inboxes.
        request.RequestUri = new Uri(
            connection.BaseUrl.TrimEnd('/') + "/api/v1/accounts/" + connection.AccountId.ToString(CultureInfo.InvariantCulture) + request.RequestUri!.PathAndQuery,
            UriKind.Absolute);
        request.Headers.Remove(TokenHeader);
        request.Headers.TryAddWithoutValidation(TokenHeader, connection.ApiToken);
        return base.SendAsync(request, cancellationToken);
    }
}
