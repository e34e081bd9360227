using NUnit.Framework;
using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;
using RyzeApi.Application.UnitTests.Support;

namespace RyzeApi.Application.UnitTests.Chatwoot.Commands.ActivateChatwoot;

[TestFixture]
public sealed class ActivateChatwootCommandValidatorTests
{
    private const string InvalidKey = "the Idempotency-Key header must be 1 to 255 visible ASCII characters";
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

    [TestCase("")]
    [TestCase("two words")]
    [TestCase("tab\tkey")]
    [TestCase("clé")]
    [TestCase("key\u007f")]
    public void Validate_InvalidIdempotencyKey_ReportsHeaderRule(string idempotencyKey)
    {
        // Arrange
        var command = Command(idempotencyKey);

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { InvalidKey }));
    }

    [Test]
    public void Validate_IdempotencyKeyOf256Characters_ReportsHeaderRule()
    {
        // Arrange
        var command = Command(new string('k', 256));

        // Act
        var messages = Messages(command);

        // Assert
        Assert.That(messages, Is.EqualTo(new[] { InvalidKey }));
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
            "chatwootAccountId must be an integer greater than 0",
            "chatwootApiToken must be at most 1024 visible ASCII characters (as Chatwoot issues them)",
            "inboxName must not be empty when given",
            InvalidKey,
        }));
    }

    private static ActivateChatwootCommand Command(string? idempotencyKey) =>
        new(TestData.AccountCaller, "sales", TestData.Fields(), idempotencyKey);

    private string[] Messages(ActivateChatwootCommand command) =>
        [.. _validator.Validate(command).Errors.Select(e => e.ErrorMessage)];
}
