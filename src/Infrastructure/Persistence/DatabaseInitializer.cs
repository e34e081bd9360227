using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Options;
using RyzeApi.Application.Common.Security;

namespace RyzeApi.Infrastructure.Persistence;

/// <summary>At start-up: applies migrations, then makes sure the bootstrap account exists.</summary>
public sealed class DatabaseInitializer(
    DatabaseSettings settings, IAccountRepository accounts, IOptions<RyzeApiOptions> options, ILogger<DatabaseInitializer> logger)
{
    private readonly DatabaseSettings _settings = settings;
    private readonly IAccountRepository _accounts = accounts;
    private readonly IOptions<RyzeApiOptions> _options = options;
    private readonly ILogger _logger = logger;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        DatabaseMigrator.Migrate(_settings.ConnectionString, _logger);
        if (_options.Value.BootstrapAccountToken is { Length: > 0 } token)
        {
            await _accounts.EnsureAccountAsync(SecretTokens.Hash(token), "bootstrap", cancellationToken);
            _logger.LogInformation("Bootstrap account ensured");
        }
    }
}
