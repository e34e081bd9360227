using NUnit.Framework;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Instances.Commands.CreateInstance;
using RyzeApi.Application.UnitTests.Support;

namespace RyzeApi.Application.UnitTests.Instances.Commands.CreateInstance;

[TestFixture]
public sealed class CreateInstanceCommandValidatorTests
{
    private const string InvalidName = "name must be 1 to 64 letters, digits, '-' or '_'";
    private const string InvalidToken = "token must be 16 to 256 visible ASCII characters";
    private readonly CreateInstanceCommandValidator _validator = new();

    [Test]
    public void Validate_NameOnly_HasNoErrors()
    {
        // Arrange
        var command = Command("sales");

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.Empty);
    }

    [Test]
    public void Validate_NameMissing_ReportsRequired()
    {
        // Arrange
        var command = Command(null);

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "name is required" }));
    }

    [TestCase("")]
    [TestCase("my instance")]
    [TestCase("sales\n")]
    [TestCase("vendas-são-paulo")]
    public void Validate_InvalidName_ReportsNameRule(string name)
    {
        // Arrange
        var command = Command(name);

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { InvalidName }));
    }

    [TestCase(64, true)]
    [TestCase(65, false)]
    public void Validate_NameLength_AllowsAtMost64(int length, bool valid)
    {
        // Arrange
        var command = Command(new string('a', length));

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, valid ? Is.Empty : Is.EqualTo(new[] { InvalidName }));
    }

    [TestCase(15, false)]
    [TestCase(16, true)]
    [TestCase(256, true)]
    [TestCase(257, false)]
    public void Validate_TokenLength_Allows16To256(int length, bool valid)
    {
        // Arrange
        var command = Command("sales", new string('t', length));

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, valid ? Is.Empty : Is.EqualTo(new[] { InvalidToken }));
    }

    [TestCase("token with spaces!!")]
    [TestCase("token\twith-a-tab-x")]
    [TestCase("token-with-ümlaut-x")]
    public void Validate_TokenNotVisibleAscii_ReportsTokenRule(string token)
    {
        // Arrange
        var command = Command("sales", token);

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { InvalidToken }));
    }

    [Test]
    public void Validate_ValidInlineChatwoot_HasNoErrors()
    {
        // Arrange
        var command = Command("sales", chatwoot: TestData.Fields());

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.Empty);
    }

    [Test]
    public void Validate_InlineChatwootWithBlankInboxName_NamesChatwootInboxName()
    {
        // Arrange
        var command = Command("sales", chatwoot: TestData.Fields(" "));

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "chatwootInboxName must not be empty when given" }));
    }

    [Test]
    public void Validate_InlineChatwootWithLongInboxName_NamesChatwootInboxName()
    {
        // Arrange
        var command = Command("sales", chatwoot: TestData.Fields(new string('n', 256)));

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "chatwootInboxName must be at most 255 characters" }));
    }

    [Test]
    public void Validate_EverythingWrong_ReportsEveryRule()
    {
        // Arrange
        var chatwoot = new ChatwootActivationFields("ftp://x", null, " ", "", TestData.Settings);
        var command = Command("bad name", "short", chatwoot);

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[]
        {
            InvalidName,
            InvalidToken,
            "chatwootBaseUrl must be an absolute http or https URL (RFC 3986) without query or fragment, e.g. https://chatwoot.example.com",
            "chatwootAccountId is required",
            "chatwootApiToken must not be empty",
            "chatwootInboxName must not be empty when given",
        }));
    }

    private static CreateInstanceCommand Command(string? name, string? token = null, ChatwootActivationFields? chatwoot = null) =>
        new(TestData.AccountCaller, name, token, chatwoot);

    private string[] Messages(CreateInstanceCommand command) =>
        [.. _validator.Validate(command).Errors.Select(e => e.ErrorMessage)];
}
