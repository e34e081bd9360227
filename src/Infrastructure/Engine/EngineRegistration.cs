using Microsoft.Extensions.DependencyInjection.Extensions;
using RyzeApi.Application.Common.Telemetry;
using RyzeApi.Infrastructure.Security;
using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Engine;

internal static class EngineRegistration
{
    /// <summary>The engine's send client (base URL and token from <see cref="EngineOptions"/>) and the media
    /// downloader. Media URLs come in engine events, which any holder of an instance token can post: the same SSRF
    /// guard as Chatwoot calls when the operator turned it on. It checks every connection, redirects included.</summary>
    public static IHttpClientBuilder AddEngineClient(
        this IServiceCollection services, IConfigurationSection resilience)
    {
        services.TryAddSingleton<OutboundConnections>();
        services.AddHttpClient(MediaFetcher.ClientName, client => client.Timeout = TimeSpan.FromMinutes(2))
            .AddHttpMessageHandler(provider => new UpstreamMetricsHandler(
                provider.GetRequiredService<RyzeApiMetrics>(), UpstreamService.Engine, "fetch_media"))
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<OutboundConnections>().CreateHandler(redirects: 3));
        services.AddSingleton<IMediaFetcher, MediaFetcher>();
        services.AddSingleton<IEngineClient, EngineClient>();
        services.AddSingleton<IEngineProfiles, EngineProfiles>();
        return services.AddUpstreamClient<IEngineApi, EngineTokenHandler>(UpstreamService.Engine, EngineJsonContext.Default, resilience, (provider, http) =>
        {
            var engine = provider.GetRequiredService<IOptions<EngineOptions>>().Value;
            http.BaseAddress = Uri.TryCreate(engine.BaseUrl, UriKind.Absolute, out var baseUrl) ? baseUrl : new Uri("http://engine.invalid");
        });
    }
}
