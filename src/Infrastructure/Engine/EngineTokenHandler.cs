namespace RyzeApi.Infrastructure.Engine;

/// <summary>Sets the engine's <c>token</c> header on every send, from <see cref="EngineOptions.Token"/>.</summary>
internal sealed class EngineTokenHandler(IOptions<EngineOptions> options) : DelegatingHandler
{
    public const string Header = "token";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(Header);
        request.Headers.TryAddWithoutValidation(Header, options.Value.Token);
        return base.SendAsync(request, cancellationToken);
    }
}
