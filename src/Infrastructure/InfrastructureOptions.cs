using RyzeApi.Infrastructure.Chatwoot;
using RyzeApi.Infrastructure.Engine;
using RyzeApi.Infrastructure.Persistence;
using RyzeApi.Infrastructure.Security;

namespace RyzeApi.Infrastructure;

/// <summary>The settings Infrastructure owns, bound and validated here and read everywhere through <c>IOptions</c>.</summary>
internal static class InfrastructureOptions
{
    /// <summary>Section <c>Chatwoot</c> also holds the module's behaviour settings, which Application owns.</summary>
    public const string ChatwootSection = "Chatwoot";

    public static IServiceCollection AddInfrastructureOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DatabaseSettings, DatabaseSettingsValidator>(configuration.GetSection(DatabaseSettings.Section));
        services.AddValidatedOptions<ChatwootInfrastructureOptions, EncryptionKeyValidator>(configuration.GetSection(ChatwootSection));
        // Not checked at start-up: an engine left unconfigured only makes agent replies fail (docs/operations.md).
        services.AddOptions<EngineOptions>().Bind(configuration.GetSection(EngineOptions.Section));
        return services;
    }
}
