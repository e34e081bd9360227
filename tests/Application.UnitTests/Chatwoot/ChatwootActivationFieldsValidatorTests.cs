using NUnit.Framework;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.UnitTests.Support;

namespace RyzeApi.Application.UnitTests.Chatwoot;

[TestFixture]
public sealed class ChatwootActivationFieldsValidatorTests
{
    private const string InvalidBaseUrl =
        "chatwootBaseUrl must be an absolute http or https URL (RFC 3986) without query or fragment, e.g. https://chatwoot.example.com";

    private const string InvalidToken =
        "chatwootApiToken must be at most 1024 visible ASCII characters (as Chatwoot issues them)";

    private readonly ChatwootActivationFieldsValidator _validator = new();

    [Test]
    public void Validate_ValidFields_HasNoErrors()
    {
        // Arrange
        var fields = TestData.Fields("Support");

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.Empty);
    }

    [Test]
    public void Validate_EverythingMissing_ListsEachRequiredFieldInOrder()
    {
        // Arrange
        var fields = new ChatwootActivationFields(null, null, null, null, TestData.Settings);

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.EqualTo(new[]
        {
            "chatwootBaseUrl is required", "chatwootAccountId is required", "chatwootApiToken is required",
        }));
    }

    [TestCase("")]
    [TestCase("chatwoot.example.com")]
    [TestCase("ftp://chatwoot.example.com")]
    [TestCase("https://chatwoot.example.com?x=1")]
    [TestCase("https://chatwoot.example.com#x")]
    [TestCase("https://user:pw@chatwoot.example.com")]
    [TestCase(" https://chatwoot.example.com")]
    public void Validate_InvalidBaseUrl_ReportsOnlyTheUrlRule(string baseUrl)
    {
        // Arrange
        var fields = TestData.Fields() with { ChatwootBaseUrl = baseUrl };

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { InvalidBaseUrl }));
    }

    [TestCase(0L)]
    [TestCase(-1L)]
    [TestCase(long.MinValue)]
    public void Validate_AccountIdNotPositive_ReportsGreaterThanZero(long accountId)
    {
        // Arrange
        var fields = TestData.Fields() with { ChatwootAccountId = accountId };

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "chatwootAccountId must be an integer greater than 0" }));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t")]
    public void Validate_BlankToken_ReportsMustNotBeEmpty(string token)
    {
        // Arrange
        var fields = TestData.Fields() with { ChatwootApiToken = token };

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "chatwootApiToken must not be empty" }));
    }

    [TestCase("abc def")]
    [TestCase("abc\u0001def")]
    [TestCase("abc\u007fdef")]
    [TestCase("abc\ndef")]
    [TestCase("tökén")]
    [TestCase(" abcdef")]
    public void Validate_TokenWithSpaceControlOrNonAscii_ReportsVisibleAscii(string token)
    {
        // Arrange
        var fields = TestData.Fields() with { ChatwootApiToken = token };

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { InvalidToken }));
    }

    [TestCase(1024, true)]
    [TestCase(1025, false)]
    public void Validate_TokenLength_AllowsAtMost1024(int length, bool valid)
    {
        // Arrange
        var fields = TestData.Fields() with { ChatwootApiToken = new string('t', length) };

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, valid ? Is.Empty : Is.EqualTo(new[] { InvalidToken }));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Validate_BlankInboxName_ReportsMustNotBeEmpty(string inboxName)
    {
        // Arrange
        var fields = TestData.Fields(inboxName);

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "inboxName must not be empty when given" }));
    }

    [TestCase(255, true)]
    [TestCase(256, false)]
    public void Validate_InboxNameLength_AllowsAtMost255(int length, bool valid)
    {
        // Arrange
        var fields = TestData.Fields(new string('n', length));

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, valid ? Is.Empty : Is.EqualTo(new[] { "inboxName must be at most 255 characters" }));
    }

    [Test]
    public void Validate_InboxNameNull_IsValidAndDefaultsToRyzeApi()
    {
        // Arrange
        var fields = TestData.Fields(inboxName: null);

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(messages, Is.Empty);
            Assert.That(fields.EffectiveInboxName, Is.EqualTo("RyzeAPI"));
        });
    }

    [Test]
    public void Validate_InlineVariant_NamesChatwootInboxNameInMessages()
    {
        // Arrange
        var validator = new ChatwootActivationFieldsValidator("chatwootInboxName");
        var blank = TestData.Fields(" ");
        var tooLong = TestData.Fields(new string('n', 256));

        // Act
        var blankMessages = validator.Validate(blank).Errors.Select(e => e.ErrorMessage);
        var tooLongMessages = validator.Validate(tooLong).Errors.Select(e => e.ErrorMessage);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(blankMessages, Is.EqualTo(new[] { "chatwootInboxName must not be empty when given" }));
            Assert.That(tooLongMessages, Is.EqualTo(new[] { "chatwootInboxName must be at most 255 characters" }));
        });
    }

    private string[] Messages(ChatwootActivationFields fields) =>
        [.. _validator.Validate(fields).Errors.Select(e => e.ErrorMessage)];
}
