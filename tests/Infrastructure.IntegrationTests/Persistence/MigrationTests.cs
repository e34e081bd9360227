using Microsoft.Extensions.Logging.Abstractions;
using RyzeApi.Infrastructure.Persistence;
using RyzeApi.Testing.Postgres;

namespace RyzeApi.Infrastructure.IntegrationTests.Persistence;

public sealed class MigrationTests : DatabaseTestBase
{
    [Test]
    public async Task Migrate_FromEmpty_CreatesEveryTableAndJournalsEachScript()
    {
        // Arrange: the set-up fixture migrated a brand-new database.

        // Act
        var tables = await Database.ScalarAsync<string>(
            "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'");
        var scripts = await Database.ScalarAsync<long>("SELECT count(*) FROM schemaversions");

        // Assert
        Assert.That(tables, Is.EqualTo("accounts,chatwoot_chats,chatwoot_conversations,chatwoot_integrations,idempotency_keys,instance_sessions,instances,message_links,outbox,outbox_media,rate_limit_windows,schemaversions"));
        Assert.That(scripts, Is.EqualTo(typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Count(n => n.EndsWith(".sql", StringComparison.Ordinal))));
    }

    [Test]
    public async Task Migrate_Twice_IsANoOp()
    {
        // Arrange
        var before = await Database.ScalarAsync<long>("SELECT count(*) FROM schemaversions");

        // Act
        DatabaseMigrator.Migrate(Database.ConnectionString, NullLogger.Instance);

        // Assert
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM schemaversions"), Is.EqualTo(before));
    }

    [Test]
    public async Task Migrate_ByFourReplicasAtOnce_AppliesEachScriptOnce()
    {
        // Arrange
        await using var empty = await TestDatabase.CreateAsync("migration_race", migrate: false);

        // Act
        var replicas = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => DatabaseMigrator.Migrate(empty.ConnectionString, NullLogger.Instance)))
            .ToArray();
        await Task.WhenAll(replicas);

        // Assert
        var scripts = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Count(n => n.EndsWith(".sql", StringComparison.Ordinal));
        Assert.That(await empty.ScalarAsync<long>("SELECT count(*) FROM schemaversions"), Is.EqualTo(scripts));
    }

    [Test]
    public void TestDatabase_WithoutVariable_NamesTheVariable()
    {
        // Arrange
        var saved = Environment.GetEnvironmentVariable(TestDatabase.Variable);
        Environment.SetEnvironmentVariable(TestDatabase.Variable, null);
        try
        {
            // Act
            var exception = Assert.ThrowsAsync<InvalidOperationException>(() => TestDatabase.CreateAsync("unused"));

            // Assert
            Assert.That(exception!.Message, Does.Contain(TestDatabase.Variable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(TestDatabase.Variable, saved);
        }
    }
}
