using RyzeApi.Application.Chatwoot;

namespace RyzeApi.Application.UnitTests.Chatwoot;

[TestFixture]
public sealed class ChatwootActivationFieldsValidatorTests
{
    private const string BaseUrlRule =
        " - it must be an absolute http or https URL (RFC 3986) without query or fragment, e.g. https://chatwoot.example.com";

    private const string TokenRule =
        " - a Chatwoot access token is visible ASCII characters only, as Chatwoot issues it (no spaces, no placeholders such as <admin token>)";

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

    [TestCase("", "is empty")]
    [TestCase("chatwoot.example.com", "is not an absolute URL")]
    [TestCase("ftp://chatwoot.example.com", "has the scheme ftp, not http or https")]
    [TestCase("https://chatwoot.example.com?x=1", "has a query (?...)")]
    [TestCase("https://chatwoot.example.com#x", "has a fragment (#...)")]
    [TestCase("https://user:pw@chatwoot.example.com", "has user information (an '@' before the host)")]
    [TestCase("https://@chatwoot.example.com", "has user information (an '@' before the host)")]
    [TestCase(" https://chatwoot.example.com", "contains a space at position 1")]
    [TestCase("https://chat\u0000woot.example.com", "contains a control character (U+0000) at position 13")]
    [TestCase("https://chat\twoot.example.com", "contains a control character (U+0009) at position 13")]
    [TestCase("https://chatwoot.example.com\\x", "contains a backslash at position 29")]
    public void Validate_InvalidBaseUrl_SaysWhatIsWrongWithIt(string baseUrl, string fault)
    {
        // Arrange
        var fields = TestData.Fields() with { ChatwootBaseUrl = baseUrl };

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "chatwootBaseUrl " + fault + BaseUrlRule }));
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
        Assert.That(messages, Is.EqualTo(new[] { $"chatwootAccountId must be an integer greater than 0 (it is {accountId})" }));
    }

    [TestCase("", "empty")]
    [TestCase("   ", "only spaces")]
    public void Validate_BlankToken_SaysItIsEmpty(string token, string what)
    {
        // Arrange
        var fields = TestData.Fields() with { ChatwootApiToken = token };

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { $"chatwootApiToken is {what} - copy the access token from your Chatwoot profile settings" }));
    }

    [TestCase("abc def", "contains a space at position 4")]
    [TestCase("\t", "contains a control character (U+0009) at position 1")]
    [TestCase(" \n", "contains a space at position 1")]
    [TestCase("<admin token>", "contains a space at position 7")]
    [TestCase("abc\u0000def", "contains a control character (U+0000) at position 4")]
    [TestCase("abc\u0001def", "contains a control character (U+0001) at position 4")]
    [TestCase("abc\u007fdef", "contains a control character (U+007F) at position 4")]
    [TestCase("abc\ndef", "contains a control character (U+000A) at position 4")]
    [TestCase("tökén", "contains a character that is not ASCII (U+00F6) at position 2")]
    [TestCase("ab\ud83d\ude00", "contains a character that is not ASCII (U+1F600) at position 3")]
    [TestCase(" abcdef", "contains a space at position 1")]
    public void Validate_TokenWithSpaceControlOrNonAscii_SaysWhichCharacter(string token, string fault)
    {
        // Arrange
        var fields = TestData.Fields() with { ChatwootApiToken = token };

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "chatwootApiToken " + fault + TokenRule }));
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
        Assert.That(messages, valid ? Is.Empty : Is.EqualTo(new[] { "chatwootApiToken is too long: 1025 characters, at most 1024" }));
    }

    [TestCase("", "empty")]
    [TestCase("  ", "only spaces")]
    public void Validate_BlankInboxName_SaysItIsEmpty(string inboxName, string what)
    {
        // Arrange
        var fields = TestData.Fields(inboxName);

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { $"inboxName is {what} - give a name or leave the field out" }));
    }

    [TestCase("Sup\u0000orte", "contains a control character (U+0000) at position 4")]
    [TestCase("Suporte\n", "contains a control character (U+000A) at position 8")]
    [TestCase("\t", "contains a control character (U+0009) at position 1")]
    public void Validate_InboxNameWithAControlCharacter_SaysWhichAndWhere(string inboxName, string fault)
    {
        // Arrange
        var fields = TestData.Fields(inboxName);

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { $"inboxName {fault} - an inbox name is text without control characters" }));
    }

    [Test]
    public void Validate_LoneSurrogates_AreNamedInTokenAndInboxName()
    {
        // Arrange: built in code, as an attribute cannot hold a lone surrogate.
        var fields = TestData.Fields("Sup" + (char)0xDC00 + "orte") with { ChatwootApiToken = "ab" + (char)0xD800 };

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.EqualTo(new[]
        {
            "chatwootApiToken contains a lone UTF-16 surrogate (U+D800) at position 3" + TokenRule,
            "inboxName contains a lone UTF-16 surrogate (U+DC00) at position 4 - an inbox name is text without control characters",
        }));
    }

    [TestCase("Suporte São Paulo 😀")]
    [TestCase("Vendas & Pós-venda")]
    public void Validate_InboxNameWithSpacesAndAnyLetter_IsValid(string inboxName)
    {
        // Arrange
        var fields = TestData.Fields(inboxName);

        // Act
        var messages = Messages(fields);

        // Assert
        Assert.That(messages, Is.Empty);
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
        Assert.That(messages, valid ? Is.Empty : Is.EqualTo(new[] { "inboxName is too long: 256 characters, at most 255" }));
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
            Assert.That(blankMessages, Is.EqualTo(new[] { "chatwootInboxName is only spaces - give a name or leave the field out" }));
            Assert.That(tooLongMessages, Is.EqualTo(new[] { "chatwootInboxName is too long: 256 characters, at most 255" }));
        });
    }

    private string[] Messages(ChatwootActivationFields fields) =>
        [.. _validator.Validate(fields).Errors.Select(e => e.ErrorMessage)];
}
