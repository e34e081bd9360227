using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Options;
using RyzeApi.Infrastructure.Chatwoot;
using RyzeApi.Infrastructure.Engine;
using RyzeApi.Infrastructure.Routing;
using RyzeApi.Infrastructure.Persistence;
using RyzeApi.Infrastructure.Persistence.Repositories;
using RyzeApi.Infrastructure.Security;

namespace RyzeApi.Infrastructure;

public static class DependencyInjection
{
    // JSON bodies serialized to a buffer first, so requests carry a Content-Length instead of chunked transfer
    // encoding, which some reverse proxies in front of self-hosted Chatwoot refuse with 411 Length Required.
    private static readonly RefitSettings s_buffered = new() { Buffered = true };

    /// <summary>PostgreSQL, the token protector and the Chatwoot and engine clients. Their settings are validated
    /// before the host starts: a missing connection string or a malformed encryption key stops the process with a
    /// message naming the setting.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInfrastructureOptions(configuration);
        services.AddPersistence();
        services.AddSingleton<IAccountRepository, AccountRepository>();
        services.AddSingleton<ICredentialStore, CredentialStore>();
        services.AddSingleton<IInstanceRepository, InstanceRepository>();
        services.AddSingleton<IChatwootIntegrationRepository, ChatwootIntegrationRepository>();
        services.AddSingleton<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton<IOutbox, OutboxRepository>();
        services.AddSingleton<IRoutingRepository, RoutingRepository>();
        services.AddSingleton<IRoutingIntegrations, RoutingIntegrations>();

        services.AddSingleton<ChatwootModuleGate>();
        services.AddSingleton<IChatwootModuleStatus>(sp => sp.GetRequiredService<ChatwootModuleGate>());
        services.AddSingleton<OutboundConnections>();
        AddTokenProtector(services);
        AddChatwootClient(services, configuration.GetSection(InfrastructureOptions.ChatwootSection).GetSection("Resilience"));
        AddRouting(services, configuration);
        return services;
    }

    private static void AddTokenProtector(IServiceCollection services)
    {
        // Built once from the validated settings; without a key the module gate answers 503 before a token is needed.
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ChatwootInfrastructureOptions>>().Value;
            return EncryptionKeyRing.Parse(options.EncryptionKey!, options.PreviousEncryptionKeys);
        });
        services.AddSingleton<ITokenProtector>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<ChatwootInfrastructureOptions>>().Value.EncryptionKey)
                ? new UnconfiguredTokenProtector()
                : new AesGcmTokenProtector(sp.GetRequiredService<EncryptionKeyRing>()));
    }

    private static void AddChatwootClient(IServiceCollection services, IConfigurationSection resilience)
    {
        services.AddTransient<ChatwootTargetHandler>();
        services.AddRefitGeneratedClient<IChatwootApi>(s_buffered)
            .ConfigureHttpClient(client =>
            {
                client.BaseAddress = new Uri("http://chatwoot.invalid");
                // Above the pipeline's total timeout, so the pipeline's timeouts are the ones that fire.
                client.Timeout = TimeSpan.FromMinutes(5);
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var handler = sp.GetRequiredService<OutboundConnections>().CreateHandler();
                handler.AllowAutoRedirect = false;
                return handler;
            })
            .AddHttpMessageHandler<ChatwootTargetHandler>()
            .AddStandardResilienceHandler(o =>
            {
                resilience.Bind(o);
                // Creating an inbox twice would leave an orphan: never retry unsafe methods.
                o.Retry.DisableForUnsafeHttpMethods();
            })
            .SelectPipelineByAuthority();
        services.AddSingleton<IChatwootClient, ChatwootClient>();
        services.AddSingleton<IChatwootMessaging, ChatwootMessaging>();
    }

    private static void AddRouting(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RoutingOptions>(configuration.GetSection(RoutingOptions.Section));
        services.AddRefitGeneratedClient<IEngineApi>(s_buffered)
            .ConfigureHttpClient((sp, client) =>
            {
                var engine = sp.GetRequiredService<IOptions<EngineOptions>>().Value;
                client.BaseAddress = Uri.TryCreate(engine.BaseUrl, UriKind.Absolute, out var baseUrl) ? baseUrl : new Uri("http://engine.invalid");
                client.Timeout = TimeSpan.FromMinutes(5);
            })
            .AddStandardResilienceHandler(o =>
            {
                configuration.GetSection(EngineOptions.Section).GetSection("Resilience").Bind(o);
                // A send retried after a lost answer would reach WhatsApp twice.
                o.Retry.DisableForUnsafeHttpMethods();
            });
        services.AddSingleton<IEngineClient, EngineClient>();
        services.AddHttpClient(MediaFetcher.ClientName, client => client.Timeout = TimeSpan.FromMinutes(2))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var handler = sp.GetRequiredService<OutboundConnections>().CreateHandler();
                handler.MaxAutomaticRedirections = 3;
                return handler;
            });
        services.AddSingleton<IMediaFetcher, MediaFetcher>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        if (configuration.GetSection(RoutingOptions.Section).GetValue("WorkersEnabled", true))
        {
            services.AddHostedService<OutboxWorker>();
        }
    }
}
