using System.Net;
using RyzeApi.Infrastructure.Chatwoot;

namespace RyzeApi.Infrastructure.UnitTests.Chatwoot;

[TestFixture]
public sealed class ChatwootNetworkGuardTests
{
    [TestCase("127.0.0.1")]
    [TestCase("127.255.255.254")]
    [TestCase("::1")]
    [TestCase("10.0.0.1")]
    [TestCase("10.255.255.255")]
    [TestCase("172.16.0.1")]
    [TestCase("172.31.255.255")]
    [TestCase("192.168.0.1")]
    [TestCase("192.168.255.255")]
    [TestCase("169.254.169.254")]
    [TestCase("169.254.0.1")]
    [TestCase("100.64.0.1")]
    [TestCase("100.127.255.255")]
    [TestCase("0.0.0.0")]
    [TestCase("0.1.2.3")]
    [TestCase("::")]
    [TestCase("fe80::1")]
    [TestCase("fec0::1")]
    [TestCase("fd00:ec2::254")]
    [TestCase("fc00::1")]
    [TestCase("::ffff:10.0.0.1")]
    [TestCase("::ffff:127.0.0.1")]
    [TestCase("::ffff:169.254.169.254")]
    public void IsBlocked_LoopbackPrivateLinkLocalOrMetadata_ReturnsTrue(string address)
    {
        // Arrange
        var ip = IPAddress.Parse(address);

        // Act
        var blocked = ChatwootNetworkGuard.IsBlocked(ip);

        // Assert
        Assert.That(blocked, Is.True);
    }

    [TestCase("8.8.8.8")]
    [TestCase("1.1.1.1")]
    [TestCase("172.15.255.255")]
    [TestCase("172.32.0.1")]
    [TestCase("192.167.1.1")]
    [TestCase("169.253.1.1")]
    [TestCase("100.63.255.255")]
    [TestCase("100.128.0.1")]
    [TestCase("11.0.0.1")]
    [TestCase("2606:4700::1111")]
    [TestCase("2001:4860:4860::8888")]
    [TestCase("::ffff:8.8.8.8")]
    public void IsBlocked_PublicAddress_ReturnsFalse(string address)
    {
        // Arrange
        var ip = IPAddress.Parse(address);

        // Act
        var blocked = ChatwootNetworkGuard.IsBlocked(ip);

        // Assert
        Assert.That(blocked, Is.False);
    }
}
