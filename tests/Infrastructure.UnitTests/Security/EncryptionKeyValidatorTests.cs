using Microsoft.Extensions.Options;
using RyzeApi.Infrastructure.Chatwoot;
using RyzeApi.Infrastructure.Security;

namespace RyzeApi.Infrastructure.UnitTests.Security;

public sealed class EncryptionKeyValidatorTests
{
    private readonly EncryptionKeyValidator _validator = new();

    [TestCase(null)]
    [TestCase(" ")]
    public void Validate_NoKey_Succeeds(string? key)
    {
        // Act
        var result = _validator.Validate(Options.DefaultName, new ChatwootInfrastructureOptions { EncryptionKey = key });

        // Assert
        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [Test]
    public void Validate_GoodKeys_Succeeds()
    {
        // Arrange
        var options = new ChatwootInfrastructureOptions { EncryptionKey = TestKeys.Base64(TestKeys.New) };
        options.PreviousEncryptionKeys.Add(TestKeys.Base64(TestKeys.Old));

        // Act
        var result = _validator.Validate(Options.DefaultName, options);

        // Assert
        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [Test]
    public void Validate_ShortKey_FailsNamingTheSetting()
    {
        // Act
        var result = _validator.Validate(Options.DefaultName, new ChatwootInfrastructureOptions { EncryptionKey = "c2hvcnQ=" });

        // Assert
        Assert.That(result.Failures, Is.EqualTo(new[]
        {
            "Chatwoot__EncryptionKey decodes to 5 bytes; AES-256-GCM needs exactly 32. Generate one with: head -c32 /dev/urandom | base64",
        }));
    }

    [Test]
    public void Validate_MalformedPreviousKey_FailsNamingTheEntry()
    {
        // Arrange
        var options = new ChatwootInfrastructureOptions { EncryptionKey = TestKeys.Base64(TestKeys.New) };
        options.PreviousEncryptionKeys.AddRange([TestKeys.Base64(TestKeys.Old), "not base64!"]);

        // Act
        var result = _validator.Validate(Options.DefaultName, options);

        // Assert
        Assert.That(result.Failures, Has.One.StartsWith("Chatwoot__PreviousEncryptionKeys__1 is not valid base64."));
    }
}
