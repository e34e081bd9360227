using RyzeApi.Application.Common.Options;
using RyzeApi.Infrastructure.Outbox;

namespace RyzeApi.Infrastructure.UnitTests.Routing;

/// <summary>The outbox's writers are sized against the pool: at most a fifth of it each, at most the setting.</summary>
public sealed class OutboxPoolTests
{
    [TestCase(20, 4, 4, TestName = "The default pool gives the default four")]
    [TestCase(6, 4, 1, TestName = "A small pool gives one each, leaving four of six")]
    [TestCase(14, 4, 2, TestName = "A fifth of the pool, rounded down")]
    [TestCase(100, 4, 4, TestName = "A large pool never gives more than the setting")]
    [TestCase(100, 8, 8, TestName = "A larger setting is used when the pool has room")]
    [TestCase(1, 4, 1, TestName = "Never fewer than one")]
    public void WriterConnections_IsAFifthOfThePoolAtMostTheSetting(int pool, int setting, int expected)
    {
        // Act
        var connections = OutboxPool.WriterConnections(new RoutingOptions { WriteConnections = setting }, pool);

        // Assert
        Assert.That(connections, Is.EqualTo(expected));
    }
}
