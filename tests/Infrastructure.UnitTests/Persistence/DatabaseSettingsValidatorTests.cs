using Microsoft.Extensions.Options;
using RyzeApi.Infrastructure.Persistence;

namespace RyzeApi.Infrastructure.UnitTests.Persistence;

public sealed class DatabaseSettingsValidatorTests
{
    private readonly DatabaseSettingsValidator _validator = new();

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void Validate_NoConnectionString_FailsNamingTheSetting(string? connectionString)
    {
        // Act
        var result = _validator.Validate(Options.DefaultName, new DatabaseSettings { Postgres = connectionString });

        // Assert
        Assert.That(result.Failures, Is.EqualTo(new[] { "ConnectionStrings__Postgres is not set: RyzeApi keeps all state in PostgreSQL." }));
    }

    [TestCase("Host=db;Port=not-a-number")]
    [TestCase("Host=db;Colour=blue")]
    [TestCase("Host=db;Password='unclosed")]
    public void Validate_UnreadableConnectionString_FailsNamingTheSetting(string connectionString)
    {
        // Act
        var result = _validator.Validate(Options.DefaultName, new DatabaseSettings { Postgres = connectionString });

        // Assert
        Assert.That(result.Failures, Has.One.StartsWith("ConnectionStrings__Postgres is not a connection string Npgsql can read: "));
    }

    [Test]
    public void Validate_ReadableConnectionString_Succeeds()
    {
        // Act
        var result = _validator.Validate(Options.DefaultName, new DatabaseSettings { Postgres = "Host=db;Database=ryzeapi" });

        // Assert
        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [TestCase("Host=db", 20)]
    [TestCase("Host=db;Maximum Pool Size=50", 50)]
    [TestCase("Host=db;MaxPoolSize=7", 7)]
    public void MaxPoolSize_IsWhatTheDataSourceOpensAtMost(string connectionString, int expected)
    {
        // Act
        var size = new DatabaseSettings { Postgres = connectionString }.MaxPoolSize;

        // Assert
        Assert.That(size, Is.EqualTo(expected));
    }
}
