using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Infrastructure.Chatwoot;
using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Engine;

internal static class EngineRegistration
{
    /// <summary>The engine's send client and the media downloader. Media URLs come in engine events, which any
    /// holder of an instance token can post: the same SSRF guard as Chatwoot calls when the operator turned it on.
    /// It checks every connection, redirects included.</summary>
    public static IHttpClientBuilder AddEngineClient(
        this IServiceCollection services, IConfigurationSection resilience, ChatwootInfrastructureOptions chatwoot)
    {
        var guard = chatwoot.BlockPrivateNetworks ? new ChatwootNetworkGuard(chatwoot.AllowedHosts) : null;
        services.AddHttpClient(MediaFetcher.ClientName, client => client.Timeout = TimeSpan.FromMinutes(2))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                MaxAutomaticRedirections = 3,
                UseProxy = guard is null,
                ConnectCallback = guard is null ? null : guard.ConnectAsync,
            });
        services.AddSingleton<IMediaFetcher, MediaFetcher>();
        services.AddSingleton<IEngineClient, EngineClient>();
        services.AddTransient<AnswerBodyHandler>();
        services.AddTransient<EngineTokenHandler>();
        var client = services.AddRefitGeneratedClient<IEngineApi>(UpstreamJson.Settings(EngineJsonContext.Default))
            .ConfigureHttpClient((provider, client) =>
            {
                var engine = provider.GetRequiredService<IOptions<EngineOptions>>().Value;
                client.BaseAddress = Uri.TryCreate(engine.BaseUrl, UriKind.Absolute, out var baseUrl) ? baseUrl : new Uri("http://engine.invalid");
                client.Timeout = TimeSpan.FromMinutes(5);
            })
            .AddHttpMessageHandler<AnswerBodyHandler>()
            .AddHttpMessageHandler<EngineTokenHandler>();
        client.AddStandardResilienceHandler(o =>
            {
                resilience.Bind(o);
                // A send retried after a lost answer would reach WhatsApp twice.
                o.Retry.DisableForUnsafeHttpMethods();
            });
        return client;
    }
}
