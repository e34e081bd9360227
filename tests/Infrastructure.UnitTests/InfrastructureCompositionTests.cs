using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace RyzeApi.Infrastructure.UnitTests;

/// <summary>What <see cref="DependencyInjection.AddInfrastructure"/> builds from settings alone (no database is opened).</summary>
public sealed class InfrastructureCompositionTests
{
    [Test]
    public void DataSource_OneForTheProcess_OpensTheConnectionStringWithRyzeApisDefaults()
    {
        // Arrange
        using var services = Build(new() { ["ConnectionStrings:Postgres"] = "Host=db;Database=ryzeapi;No Reset On Close=false" });

        // Act
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();

        // Assert
        var opened = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredService<NpgsqlDataSource>(), Is.SameAs(dataSource));
            Assert.That((opened.Host, opened.Database), Is.EqualTo(("db", "ryzeapi")));
            Assert.That((opened.MaxAutoPrepare, opened.NoResetOnClose, opened.MaxPoolSize), Is.EqualTo((64, false, 20)));
        });
    }

    [Test]
    public void StartupValidation_NoConnectionString_StopsNamingTheSetting()
    {
        // Arrange
        using var services = Build(new() { ["ConnectionStrings:Postgres"] = null });

        // Act
        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        // Assert
        Assert.That(exception!.Message, Is.EqualTo("ConnectionStrings__Postgres is not set: RyzeApi keeps all state in PostgreSQL."));
    }

    [TestCase(null, "UnconfiguredTokenProtector")]
    [TestCase("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=", "AesGcmTokenProtector")]
    public void TokenProtector_FollowsTheEncryptionKeySetting(string? key, string expected)
    {
        // Arrange
        using var services = Build(new() { ["ConnectionStrings:Postgres"] = "Host=db", ["Chatwoot:EncryptionKey"] = key });

        // Act
        var protector = services.GetRequiredService<ITokenProtector>();

        // Assert
        Assert.That(protector.GetType().Name, Is.EqualTo(expected));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfrastructure(configuration);
        return services.BuildServiceProvider();
    }
}
