using Npgsql;
using NUnit.Framework;
using RyzeApi.Application.Common.Options;
using RyzeApi.Infrastructure.Outbox;
using RyzeApi.Infrastructure.Persistence;

namespace RyzeApi.Infrastructure.UnitTests.Routing;

/// <summary>The outbox's database connections are explicit and must fit in the pool with room for requests.</summary>
public sealed class OutboxPoolCheckTests
{
    [Test]
    public void Validate_DefaultsAgainstTheDefaultPool_Succeed()
    {
        // Arrange
        using var dataSource = NpgsqlDataSource.Create(DatabaseSettings.WithDefaults("Host=db"));

        // Act
        var result = new OutboxPoolCheck(dataSource).Validate(null, new RoutingOptions());

        // Assert
        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [Test]
    public void Validate_PoolTheOutboxWouldFill_NamesTheSettingsAndThePoolSize()
    {
        // Arrange: two writers × 4 and four workers × 2 need 16 connections
        using var dataSource = NpgsqlDataSource.Create("Host=db;Maximum Pool Size=16");

        // Act
        var result = new OutboxPoolCheck(dataSource).Validate(null, new RoutingOptions());

        // Assert
        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.StartWith("Routing__WriteConnections (4) and Routing__Workers (4) need 16 database connections")
            .And.Contain("pool's 16 (Maximum Pool Size in ConnectionStrings__Postgres)"));
    }

    [Test]
    public void Validate_IngressOnlyReplica_NeedsOnlyTheWriters()
    {
        // Arrange
        using var dataSource = NpgsqlDataSource.Create("Host=db;Maximum Pool Size=9");

        // Act
        var result = new OutboxPoolCheck(dataSource).Validate(null, new RoutingOptions { WorkersEnabled = false });

        // Assert
        Assert.That(result.Succeeded, Is.True);
    }
}
