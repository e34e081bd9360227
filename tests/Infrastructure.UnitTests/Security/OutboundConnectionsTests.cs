using Microsoft.Extensions.Options;
using RyzeApi.Infrastructure.Chatwoot;
using RyzeApi.Infrastructure.Security;

namespace RyzeApi.Infrastructure.UnitTests.Security;

public sealed class OutboundConnectionsTests
{
    [Test]
    public void CreateHandler_GuardOn_EveryHandlerConnectsThroughTheSameGuardWithoutProxy()
    {
        // Arrange
        var connections = new OutboundConnections(Options.Create(new ChatwootInfrastructureOptions { BlockPrivateNetworks = true }));

        // Act
        using var first = connections.CreateHandler(redirects: 0);
        using var second = connections.CreateHandler(redirects: 0);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(first.ConnectCallback?.Target, Is.InstanceOf<ChatwootNetworkGuard>());
            Assert.That(second.ConnectCallback?.Target, Is.SameAs(first.ConnectCallback?.Target), "one guard, built once");
            Assert.That((first.UseProxy, second.UseProxy), Is.EqualTo((false, false)));
        });
    }

    [Test]
    public void CreateHandler_GuardOff_ConnectsAsUsualThroughTheProxy()
    {
        // Arrange
        var connections = new OutboundConnections(Options.Create(new ChatwootInfrastructureOptions()));

        // Act
        using var handler = connections.CreateHandler(redirects: 0);

        // Assert
        Assert.That((handler.ConnectCallback, handler.UseProxy), Is.EqualTo(((Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>?)null, true)));
    }
}
