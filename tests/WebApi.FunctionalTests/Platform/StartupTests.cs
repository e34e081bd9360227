using Microsoft.Extensions.Options;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

public sealed class StartupTests
{
    [TestCase("c2hvcnQ=", "Chatwoot__EncryptionKey decodes to 5 bytes; AES-256-GCM needs exactly 32")]
    [TestCase("not base64!", "Chatwoot__EncryptionKey is not valid base64")]
    public void Start_WithMalformedKey_StopsWithAClearMessage(string key, string expected)
    {
        // Arrange
        using var api = ApiFactory.Create(FunctionalSetup.Database.ConnectionString, new Dictionary<string, string?> { ["Chatwoot:EncryptionKey"] = key });

        // Act
        var exception = Assert.Catch(() => api.CreateClient());

        // Assert
        Assert.That(exception, Is.InstanceOf<OptionsValidationException>());
        Assert.That(exception!.Message, Does.StartWith(expected));
    }

    [TestCase("Routing:BatchSize", "0", "Routing__BatchSize must be at least 1")]
    [TestCase("Routing:PollInterval", "00:00:00", "Routing__PollInterval must be at least 00:00:00.010")]
    [TestCase("Routing:ClaimInterval", "-00:00:00.010", "Routing__ClaimInterval must be between 00:00:00 and 00:00:01")]
    [TestCase("Routing:ClaimInterval", "00:00:02", "Routing__ClaimInterval must be between 00:00:00 and 00:00:01")]
    [TestCase("Routing:LeaseDuration", "00:00:00", "Routing__LeaseDuration must be at least 00:00:01")]
    public void Start_WithRoutingSettingThatWouldSpin_StopsNamingTheSetting(string key, string value, string expected)
    {
        // Arrange
        using var api = ApiFactory.Create(FunctionalSetup.Database.ConnectionString, new Dictionary<string, string?> { [key] = value });

        // Act
        var exception = Assert.Catch(() => api.CreateClient());

        // Assert
        Assert.That(exception!.Message, Does.Contain(expected));
    }
}
