using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;

namespace RyzeApi.Application.UnitTests.Chatwoot.Commands.ActivateChatwoot;

[TestFixture]
public sealed class ActivateChatwootCommandValidatorTests
{
    private const string KeyRule = " - send 1 to 255 visible ASCII characters, or leave the header out";
    private readonly ActivateChatwootCommandValidator _validator = new();

    [TestCase(null)]
    [TestCase("k")]
    [TestCase("0f8fad5b-d9cb-469f-a165-70867728950e")]
    public void Validate_ValidCommand_HasNoErrors(string? idempotencyKey)
    {
        // Arrange
        var command = Command(idempotencyKey);

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.Empty);
    }

    [Test]
    public void Validate_IdempotencyKeyOf255Characters_IsValid()
    {
        // Arrange
        var command = Command(new string('k', 255));

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.Empty);
    }

    [TestCase("", "is empty")]
    [TestCase("two words", "contains a space at position 4")]
    [TestCase("tab\tkey", "contains a control character (U+0009) at position 4")]
    [TestCase("clé", "contains a character that is not ASCII (U+00E9) at position 3")]
    [TestCase("key\u007f", "contains a control character (U+007F) at position 4")]
    public void Validate_InvalidIdempotencyKey_SaysWhatIsWrong(string idempotencyKey, string fault)
    {
        // Arrange
        var command = Command(idempotencyKey);

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "the Idempotency-Key header " + fault + KeyRule }));
    }

    [Test]
    public void Validate_IdempotencyKeyOf256Characters_SaysItIsTooLong()
    {
        // Arrange
        var command = Command(new string('k', 256));

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { "the Idempotency-Key header is too long: 256 characters, at most 255" }));
    }

    [Test]
    public void Validate_InvalidFields_ReportsFieldRulesWithInboxNameAndKeyRule()
    {
        // Arrange
        var fields = TestData.Fields("") with { ChatwootBaseUrl = null, ChatwootAccountId = 0, ChatwootApiToken = "a b" };
        var command = new ActivateChatwootCommand(TestData.AccountCaller, "sales", fields, "");

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[]
        {
            "chatwootBaseUrl is required",
            "chatwootAccountId must be an integer greater than 0 (it is 0)",
            "chatwootApiToken contains a space at position 2 - a Chatwoot access token is visible ASCII characters only, as Chatwoot issues it (no spaces, no placeholders such as <admin token>)",
            "inboxName is empty - give a name or leave the field out",
            "the Idempotency-Key header is empty" + KeyRule,
        }));
    }

    private static ActivateChatwootCommand Command(string? idempotencyKey) =>
        new(TestData.AccountCaller, "sales", TestData.Fields(), idempotencyKey);

    private string[] Messages(ActivateChatwootCommand command) =>
        [.. _validator.Validate(command).Errors.Select(e => e.ErrorMessage)];
}
