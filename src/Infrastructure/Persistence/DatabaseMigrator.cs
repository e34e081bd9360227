using DbUp;
using Microsoft.Extensions.Logging;

namespace RyzeApi.Infrastructure.Persistence;

/// <summary>Applies the numbered, forward-only scripts in <c>Persistence/Migrations</c> (embedded) in
/// order, once each, recording them in <c>schemaversions</c>. The app and the tests call this same code.</summary>
public static class DatabaseMigrator
{
    public static void Migrate(string connectionString, ILogger logger)
    {
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.Contains(".Persistence.Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new DbUpLogger(logger))
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Database migration failed at {result.ErrorScript?.Name}: {result.Error.Message}", result.Error);
        }
    }
}
