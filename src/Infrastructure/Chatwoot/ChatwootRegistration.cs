using Microsoft.Extensions.DependencyInjection.Extensions;
using RyzeApi.Application.Common.Telemetry;
using RyzeApi.Infrastructure.Security;
using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Chatwoot;

internal static class ChatwootRegistration
{
    /// <summary>The Chatwoot client: one Refit client for every integration, pointed per call by
    /// <see cref="ChatwootTargetHandler"/>, with one resilience pipeline per Chatwoot host (one broken Chatwoot does
    /// not open the circuit for the others), no redirects followed and the optional SSRF guard on every connection.</summary>
    public static IHttpClientBuilder AddChatwootClient(
        this IServiceCollection services, IConfigurationSection resilience)
    {
        services.TryAddSingleton<OutboundConnections>();
        services.AddSingleton<IChatwootClient, ChatwootClient>();
        services.AddSingleton<IChatwootMessaging, ChatwootMessaging>();
        return services
            .AddUpstreamClient<IChatwootApi, ChatwootTargetHandler>(
                UpstreamService.Chatwoot, ChatwootJsonContext.Default, resilience, (_, http) => http.BaseAddress = new Uri("http://chatwoot.invalid"), pipelinePerAuthority: true)
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<OutboundConnections>().CreateHandler(redirects: 0));
    }
}
