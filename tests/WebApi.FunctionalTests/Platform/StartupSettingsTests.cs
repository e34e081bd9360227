using Microsoft.Extensions.Options;
using RyzeApi.Testing.Postgres;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>Each layer's settings are checked before the host starts, and before the database is touched.</summary>
public sealed class StartupSettingsTests
{
    [TestCase("ConnectionStrings:Postgres", null, "ConnectionStrings__Postgres is not set: RyzeApi keeps all state in PostgreSQL.")]
    [TestCase("ConnectionStrings:Postgres", "Host=db;Port=eighty", "ConnectionStrings__Postgres is not a connection string Npgsql can read: ")]
    [TestCase("Chatwoot:ActivationTimeout", "00:00:00", "Chatwoot__ActivationTimeout must be between 00:00:00.001 and 24.00:00:00")]
    [TestCase("RateLimiting:GlobalPermitLimit", "0", "RateLimiting__GlobalPermitLimit must be at least 1")]
    [TestCase("RateLimiting:Window", "00:00:00", "RateLimiting__Window must be between 00:00:00.001 and 365.00:00:00")]
    public void Start_WithSettingEveryRequestWouldFailOn_StopsNamingTheSetting(string key, string? value, string expected)
    {
        // Arrange
        using var api = ApiFactory.Create(FunctionalSetup.Database.ConnectionString, new Dictionary<string, string?> { [key] = value });

        // Act
        var exception = Assert.Catch(() => api.CreateClient());

        // Assert
        Assert.That(exception, Is.InstanceOf<OptionsValidationException>());
        Assert.That(exception!.Message, Does.StartWith(expected));
    }

    [Test]
    public async Task Start_WithBadSetting_StopsBeforeMigratingTheDatabase()
    {
        // Arrange
        await using var empty = await TestDatabase.CreateAsync("startup_order", migrate: false);
        using var api = ApiFactory.Create(empty.ConnectionString, new Dictionary<string, string?> { ["Chatwoot:EncryptionKey"] = "c2hvcnQ=" });

        // Act
        Assert.Catch<OptionsValidationException>(() => api.CreateClient());

        // Assert
        var tables = await empty.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
        Assert.That(tables, Is.Zero, "no migration ran");
    }
}
