namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>Points each request at its integration's Chatwoot. Every integration has its own base URL,
/// yet all share one typed client and one handler chain; this handler sits outside the resilience
/// handler, so the pipeline (and its circuit breaker) is chosen per Chatwoot host.</summary>
internal sealed class ChatwootTargetHandler : DelegatingHandler
{
    public const string BaseUrlProperty = "chatwoot.baseUrl";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(new HttpRequestOptionsKey<string>(BaseUrlProperty), out var baseUrl))
        {
            request.RequestUri = new Uri(baseUrl.TrimEnd('/') + request.RequestUri!.PathAndQuery, UriKind.Absolute);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
