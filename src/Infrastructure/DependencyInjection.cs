using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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
        services.AddSingleton<IOutbox, OutboxRepository>();
        services.AddSingleton<IRoutingRepository, RoutingRepository>();
        services.AddSingleton<IRoutingIntegrations, RoutingIntegrations>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgres", tags: ["ready"]);

        var section = configuration.GetSection("Chatwoot");
        services.Configure<ChatwootInfrastructureOptions>(section);
        var chatwoot = section.Get<ChatwootInfrastructureOptions>() ?? new ChatwootInfrastructureOptions();
        services.AddSingleton<ChatwootModuleGate>();
        services.AddSingleton<IChatwootModuleStatus>(sp => sp.GetRequiredService<ChatwootModuleGate>());
        AddTokenProtector(services, chatwoot);
        services.AddChatwootClient(chatwoot, section.GetSection("Resilience"));
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

    private static void AddRouting(IServiceCollection services, IConfiguration configuration, ChatwootInfrastructureOptions chatwoot)
    {
        services.Configure<EngineOptions>(configuration.GetSection(EngineOptions.Section));
        services.Configure<RoutingOptions>(configuration.GetSection(RoutingOptions.Section));
        services.AddEngineClient(configuration.GetSection(EngineOptions.Section).GetSection("Resilience"), chatwoot);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        if (configuration.GetSection(RoutingOptions.Section).GetValue("WorkersEnabled", true))
        {
            services.AddHostedService<OutboxWorker>();
        }
    }
}
