using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Npgsql;
using Refit;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Options;
using RyzeApi.Infrastructure.Chatwoot;
using RyzeApi.Infrastructure.Engine;
using RyzeApi.Infrastructure.Outbox;
using RyzeApi.Infrastructure.Persistence;
using RyzeApi.Infrastructure.Persistence.Repositories;
using RyzeApi.Infrastructure.Security;

namespace RyzeApi.Infrastructure;

public static class DependencyInjection
{
    // JSON bodies serialized to a buffer first, so requests carry a Content-Length instead of chunked transfer
    // encoding, which some reverse proxies in front of self-hosted Chatwoot refuse with 411 Length Required.
    private static readonly RefitSettings s_buffered = new() { Buffered = true };

    /// <summary>PostgreSQL, the token protector and the Chatwoot client. Throws at start-up, with a message
    /// naming the setting, when the connection string is missing or an encryption key is malformed.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings__Postgres is not set: RyzeApi keeps all state in PostgreSQL.");
        services.AddSingleton(new DatabaseSettings(connectionString));
        services.AddSingleton(_ => NpgsqlDataSource.Create(DatabaseSettings.WithDefaults(connectionString)));
        services.AddSingleton<IAccountRepository, AccountRepository>();
        services.AddSingleton<ICredentialStore, CredentialStore>();
        services.AddSingleton<IInstanceRepository, InstanceRepository>();
        services.AddSingleton<IChatwootIntegrationRepository, ChatwootIntegrationRepository>();
        services.AddSingleton<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgres", tags: ["ready"]);

        var section = configuration.GetSection("Chatwoot");
        services.Configure<ChatwootInfrastructureOptions>(section);
        var chatwoot = section.Get<ChatwootInfrastructureOptions>() ?? new ChatwootInfrastructureOptions();
        services.AddSingleton<ChatwootModuleGate>();
        services.AddSingleton<IChatwootModuleStatus>(sp => sp.GetRequiredService<ChatwootModuleGate>());
        AddTokenProtector(services, chatwoot);
        AddChatwootClient(services, chatwoot, section.GetSection("Resilience"));
        AddRouting(services, configuration, chatwoot);
        return services;
    }

    private static void AddTokenProtector(IServiceCollection services, ChatwootInfrastructureOptions options)
    {
        // Parsed now, not lazily, so a malformed key stops the process at start with a clear message.
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            var ring = EncryptionKeyRing.Parse(options.EncryptionKey, options.PreviousEncryptionKeys);
            services.AddSingleton(ring);
            services.AddSingleton<ITokenProtector, AesGcmTokenProtector>();
        }
        else
        {
            services.AddSingleton<ITokenProtector, UnconfiguredTokenProtector>();
        }
    }

    private static void AddChatwootClient(IServiceCollection services, ChatwootInfrastructureOptions options, IConfigurationSection resilience)
    {
        var guard = options.BlockPrivateNetworks ? new ChatwootNetworkGuard(options.AllowedHosts) : null;
        services.AddTransient<ChatwootTargetHandler>();
        services.AddRefitGeneratedClient<IChatwootApi>(s_buffered)
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

    private static void AddRouting(IServiceCollection services, IConfiguration configuration, ChatwootInfrastructureOptions chatwoot)
    {
        services.Configure<EngineOptions>(configuration.GetSection(EngineOptions.Section));
        services.Configure<RoutingOptions>(configuration.GetSection(RoutingOptions.Section));
        var engine = configuration.GetSection(EngineOptions.Section).Get<EngineOptions>() ?? new EngineOptions();
        services.AddRefitGeneratedClient<IEngineApi>(s_buffered)
            .ConfigureHttpClient(client =>
            {
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
        // Media URLs come in engine events, which any holder of an instance token can post: the same guard
        // as Chatwoot calls when the operator turned it on. It checks every connection, redirects included.
        var guard = chatwoot.BlockPrivateNetworks ? new ChatwootNetworkGuard(chatwoot.AllowedHosts) : null;
        services.AddHttpClient(MediaFetcher.ClientName, client => client.Timeout = TimeSpan.FromMinutes(2))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                MaxAutomaticRedirections = 3,
                UseProxy = guard is null,
                ConnectCallback = guard is null ? null : guard.ConnectAsync,
            });
        services.AddSingleton<IMediaFetcher, MediaFetcher>();
        services.AddOutbox(configuration);
    }
}
