using Microsoft.Extensions.Logging;
using RyzeApi.Application.Common.Security;

namespace RyzeApi.Infrastructure.Persistence;

/// <summary>At start-up: applies migrations, then makes sure the bootstrap account exists.</summary>
public sealed class DatabaseInitializer(
    IOptions<DatabaseSettings> settings, IAccountRepository accounts, IOptions<RyzeApiOptions> options, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        DatabaseMigrator.Migrate(settings.Value.Postgres!, logger);
        if (options.Value.BootstrapAccountToken is { Length: > 0 } token)
        {
            await accounts.EnsureAccountAsync(SecretTokens.Hash(token), "bootstrap", cancellationToken);
            logger.LogInformation("Bootstrap account ensured");
        }
    }
}
