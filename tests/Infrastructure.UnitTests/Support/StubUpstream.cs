using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RyzeApi.Infrastructure.Chatwoot;
using RyzeApi.Infrastructure.Engine;

namespace RyzeApi.Infrastructure.UnitTests.Support;

/// <summary>The real Chatwoot and engine clients (Refit, the handlers, the JSON contracts, the resilience
/// pipeline) over a primary handler that answers every request with one canned status and body.</summary>
internal sealed class StubUpstream : HttpMessageHandler
{
    private readonly HttpStatusCode _status;
    private readonly string _body;
    private readonly Exception? _failure;
    private readonly ServiceProvider _services;

    private StubUpstream(HttpStatusCode status, string body, Exception? failure)
    {
        _status = status;
        _body = body;
        _failure = failure;
        var services = new ServiceCollection();
        var empty = new ConfigurationBuilder().Build().GetSection("Resilience");
        services.AddChatwootClient(empty).ConfigurePrimaryHttpMessageHandler(() => this);
        services.AddSingleton(Options.Create(new EngineOptions { BaseUrl = "http://engine.example", Token = "engine-token" }));
        services.AddEngineClient(empty).ConfigurePrimaryHttpMessageHandler(() => this);
        _services = services.BuildServiceProvider();
    }

    /// <summary>Every request received, with its body and Content-Length as sent.</summary>
    public List<(HttpRequestMessage Request, string Body, long? ContentLength)> Requests { get; } = [];

    public IChatwootClient Chatwoot => _services.GetRequiredService<IChatwootClient>();

    public IChatwootMessaging Messaging => _services.GetRequiredService<IChatwootMessaging>();

    public IEngineClient Engine => _services.GetRequiredService<IEngineClient>();

    public static StubUpstream Answering(string body, HttpStatusCode status = HttpStatusCode.OK) => new(status, body, null);

    /// <summary>Every request fails before an answer, with <paramref name="failure"/> (a refused connection, a reset).</summary>
    public static StubUpstream Failing(Exception failure) => new(HttpStatusCode.OK, string.Empty, failure);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var length = request.Content?.Headers.ContentLength;
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add((request, body, length));
        }

        if (_failure is not null)
        {
            throw _failure;
        }

        return new HttpResponseMessage(_status) { Content = new StringContent(_body, Encoding.UTF8, "application/json"), RequestMessage = request };
    }
}
