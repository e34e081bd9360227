using RyzeApi.Infrastructure.Chatwoot;
using RyzeApi.Infrastructure.Engine;
using RyzeApi.Infrastructure.Outbox;
using RyzeApi.Infrastructure.Persistence;
using RyzeApi.Infrastructure.Persistence.Repositories;
using RyzeApi.Infrastructure.Security;

namespace RyzeApi.Infrastructure;

public static class DependencyInjection
{
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
        services.AddSingleton<IRateLimitCounter, RateLimitCounter>();

        services.AddSingleton<ChatwootModuleGate>();
        services.AddSingleton<IChatwootModuleStatus>(sp => sp.GetRequiredService<ChatwootModuleGate>());
        AddTokenProtector(services);
        services.AddChatwootClient(configuration.GetSection(InfrastructureOptions.ChatwootSection).GetSection("Resilience"));
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

    private static void AddRouting(IServiceCollection services, IConfiguration configuration)
    {
        services.AddEngineClient(configuration.GetSection(EngineOptions.Section).GetSection("Resilience"));
        services.AddOutbox(configuration);
        services.AddSingleton<IMessageLinks, MessageLinks>();
        services.AddSingleton<IDeliveryRepository, DeliveriesRepository>();
    }
}
