using Microsoft.Extensions.Options;
using RyzeApi.Application.Common.Options;
using RyzeApi.Infrastructure.Chatwoot;

namespace RyzeApi.Infrastructure.UnitTests;

[TestFixture]
public sealed class ChatwootModuleGateTests
{
    private const string Key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    [TestCase("https://ryze.example.com")]
    [TestCase("http://localhost:8080/")]
    public void IsConfigured_EnabledWithAbsoluteUrlAndKey_ReturnsTrue(string publicBaseUrl)
    {
        // Arrange
        // (publicBaseUrl from the test case)

        // Act
        var configured = Gate(enabled: true, publicBaseUrl, Key).IsConfigured;

        // Assert
        Assert.That(configured, Is.True);
    }

    [Test]
    public void IsConfigured_Disabled_ReturnsFalse()
    {
        // Arrange
        // (everything else set)

        // Act
        var configured = Gate(enabled: false, "https://ryze.example.com", Key).IsConfigured;

        // Assert
        Assert.That(configured, Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("ryze.example.com")]
    [TestCase("/ryze")]
    [TestCase("ftp://ryze.example.com")]
    public void IsConfigured_PublicBaseUrlMissingOrNotAbsoluteHttp_ReturnsFalse(string? publicBaseUrl)
    {
        // Arrange
        // (publicBaseUrl from the test case)

        // Act
        var configured = Gate(enabled: true, publicBaseUrl, Key).IsConfigured;

        // Assert
        Assert.That(configured, Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void IsConfigured_EncryptionKeyMissing_ReturnsFalse(string? key)
    {
        // Arrange
        // (key from the test case)

        // Act
        var configured = Gate(enabled: true, "https://ryze.example.com", key).IsConfigured;

        // Assert
        Assert.That(configured, Is.False);
    }

    private static ChatwootModuleGate Gate(bool enabled, string? publicBaseUrl, string? key) => new(
        Options.Create(new ChatwootModuleOptions { Enabled = enabled }),
        Options.Create(new RyzeApiOptions { PublicBaseUrl = publicBaseUrl }),
        Options.Create(new ChatwootInfrastructureOptions { EncryptionKey = key }));
}
