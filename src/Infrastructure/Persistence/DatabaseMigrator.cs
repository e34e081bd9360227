using DbUp;
using Microsoft.Extensions.Logging;

namespace RyzeApi.Infrastructure.Persistence;

/// <summary>Applies the numbered, forward-only scripts in <c>Persistence/Migrations</c> (embedded) in
/// order, once each, recording them in <c>schemaversions</c>. The app and the tests call this same code.</summary>
public static class DatabaseMigrator
{
    /// <summary>Any fixed number works; it only has to be the same in every replica.</summary>
    public const long MigrationLockKey = 0x52797A6541706931; // "RyzeApi1"

    public static void Migrate(string connectionString, ILogger logger)
    {
        // Replicas starting together would race on the journal; a session advisory lock makes them take turns.
        using var lockConnection = new NpgsqlConnection(connectionString);
        lockConnection.Open();
        using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            take.ExecuteNonQuery();
        }

        try
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
        finally
        {
            using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            release.ExecuteNonQuery();
        }
    }
}
