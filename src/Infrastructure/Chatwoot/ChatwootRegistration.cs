using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Refit;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Chatwoot;

internal static class ChatwootRegistration
{
    /// <summary>The Chatwoot client: one Refit client for every integration, pointed per call by
    /// <see cref="ChatwootTargetHandler"/>, with the standard resilience pipeline per Chatwoot host and the
    /// optional SSRF guard on every connection.</summary>
    public static IHttpClientBuilder AddChatwootClient(
        this IServiceCollection services, ChatwootInfrastructureOptions options, IConfigurationSection resilience)
    {
        var guard = options.BlockPrivateNetworks ? new ChatwootNetworkGuard(options.AllowedHosts) : null;
        services.AddTransient<AnswerBodyHandler>();
        services.AddTransient<ChatwootTargetHandler>();
        services.AddSingleton<IChatwootClient, ChatwootClient>();
        services.AddSingleton<IChatwootMessaging, ChatwootMessaging>();
        var client = services.AddRefitGeneratedClient<IChatwootApi>(UpstreamJson.Settings(ChatwootJsonContext.Default))
            .ConfigureHttpClient(client =>
            {
                client.BaseAddress = new Uri("http://chatwoot.invalid");
                // Above the pipeline's total timeout, so the pipeline's timeouts are the ones that fire.
                client.Timeout = TimeSpan.FromMinutes(5);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = guard is null,
                ConnectCallback = guard is null ? null : guard.ConnectAsync,
            })
            .AddHttpMessageHandler<AnswerBodyHandler>()
            .AddHttpMessageHandler<ChatwootTargetHandler>();
        client.AddStandardResilienceHandler(o =>
            {
                resilience.Bind(o);
                // Creating an inbox twice would leave an orphan: never retry unsafe methods.
                o.Retry.DisableForUnsafeHttpMethods();
            })
            .SelectPipelineByAuthority();
        return client;
    }
}
