namespace RyzeApi.Application.UnitTests.Configuration;

public sealed class ChatwootModuleOptionsValidatorTests
{
    private readonly ChatwootModuleOptionsValidator _validator = new();

    public static IEnumerable<TestCaseData> TimeoutsOutOfRange()
    {
        foreach (var value in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(-1), TimeSpan.FromDays(25) })
        {
            yield return new TestCaseData("ActivationTimeout", value, (Action<ChatwootModuleOptions, TimeSpan>)((o, v) => o.ActivationTimeout = v));
            yield return new TestCaseData("InfoCheckTimeout", value, (Action<ChatwootModuleOptions, TimeSpan>)((o, v) => o.InfoCheckTimeout = v));
            yield return new TestCaseData("WebhookClearTimeout", value, (Action<ChatwootModuleOptions, TimeSpan>)((o, v) => o.WebhookClearTimeout = v));
        }
    }

    [TestCaseSource(nameof(TimeoutsOutOfRange))]
    public void Validate_TimeoutOutOfRange_FailsNamingTheSetting(string setting, TimeSpan value, Action<ChatwootModuleOptions, TimeSpan> set)
    {
        // Arrange
        var options = new ChatwootModuleOptions();
        set(options, value);

        // Act
        var result = _validator.Validate(Options.DefaultName, options);

        // Assert
        Assert.That(result.Failures, Is.EqualTo(new[] { $"Chatwoot__{setting} must be between 00:00:00.001 and 24.00:00:00" }));
    }

    [Test]
    public void Validate_Defaults_Succeed()
    {
        // Act
        var result = _validator.Validate(Options.DefaultName, new ChatwootModuleOptions());

        // Assert
        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [Test]
    public void Validate_EdgesOfTheRange_Succeed()
    {
        // Arrange
        var options = new ChatwootModuleOptions
        {
            ActivationTimeout = TimeSpan.FromDays(24),
            InfoCheckTimeout = TimeSpan.FromMilliseconds(1),
            WebhookClearTimeout = TimeSpan.FromMilliseconds(1),
        };

        // Act
        var result = _validator.Validate(Options.DefaultName, options);

        // Assert
        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }
}
