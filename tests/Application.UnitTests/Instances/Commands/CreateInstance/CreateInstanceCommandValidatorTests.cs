using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Instances.Commands.CreateInstance;

namespace RyzeApi.Application.UnitTests.Instances.Commands.CreateInstance;

[TestFixture]
public sealed class CreateInstanceCommandValidatorTests
{
    private const string NameRule = " - an instance name is 1 to 64 letters, digits, '-' or '_'";
    private const string TokenRule = " - a token is 16 to 256 visible ASCII characters; omit it to get a generated one";
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

    [TestCase("", "is empty")]
    [TestCase("my instance", "contains a space at position 3")]
    [TestCase("sales\n", "contains a control character (U+000A) at position 6")]
    [TestCase("sa\u0000les", "contains a control character (U+0000) at position 3")]
    [TestCase("vendas-são-paulo", "contains a character that is not ASCII (U+00E3) at position 9")]
    [TestCase("vendas.sp", "contains '.' at position 7")]
    [TestCase("vendas/sp", "contains '/' at position 7")]
    public void Validate_InvalidName_SaysWhatIsWrong(string name, string fault)
    {
        // Arrange
        var command = Command(name);

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "name " + fault + NameRule }));
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
        Assert.That(messages, valid ? Is.Empty : Is.EqualTo(new[] { "name is too long: 65 characters, at most 64" + NameRule }));
    }

    [TestCase(15, "is too short: 15 characters, at least 16")]
    [TestCase(16, null)]
    [TestCase(256, null)]
    [TestCase(257, "is too long: 257 characters, at most 256")]
    public void Validate_TokenLength_Allows16To256(int length, string? fault)
    {
        // Arrange
        var command = Command("sales", new string('t', length));

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, fault is null ? Is.Empty : Is.EqualTo(new[] { "token " + fault + TokenRule }));
    }

    [TestCase("token with spaces!!", "contains a space at position 6")]
    [TestCase("token\twith-a-tab-x", "contains a control character (U+0009) at position 6")]
    [TestCase("token\u0000with-a-nul", "contains a control character (U+0000) at position 6")]
    [TestCase("token-with-ümlaut-x", "contains a character that is not ASCII (U+00FC) at position 12")]
    public void Validate_TokenNotVisibleAscii_SaysWhichCharacter(string token, string fault)
    {
        // Arrange
        var command = Command("sales", token);

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "token " + fault + TokenRule }));
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
        Assert.That(messages, Is.EqualTo(new[] { "chatwootInboxName is only spaces - give a name or leave the field out" }));
    }

    [Test]
    public void Validate_InlineChatwootWithLongInboxName_NamesChatwootInboxName()
    {
        // Arrange
        var command = Command("sales", chatwoot: TestData.Fields(new string('n', 256)));

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "chatwootInboxName is too long: 256 characters, at most 255" }));
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
            "name contains a space at position 4" + NameRule,
            "token is too short: 5 characters, at least 16" + TokenRule,
            "chatwootBaseUrl has the scheme ftp, not http or https - it must be an absolute http or https URL (RFC 3986) without query or fragment, e.g. https://chatwoot.example.com",
            "chatwootAccountId is required",
            "chatwootApiToken is only spaces - copy the access token from your Chatwoot profile settings",
            "chatwootInboxName is empty - give a name or leave the field out",
        }));
    }

    private static CreateInstanceCommand Command(string? name, string? token = null, ChatwootActivationFields? chatwoot = null) =>
        new(TestData.AccountCaller, name, token, chatwoot);

    private string[] Messages(CreateInstanceCommand command) =>
        [.. _validator.Validate(command).Errors.Select(e => e.ErrorMessage)];
}
