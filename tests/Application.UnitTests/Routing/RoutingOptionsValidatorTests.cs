namespace RyzeApi.Application.UnitTests.Routing;

[TestFixture]
public sealed class RoutingOptionsValidatorTests
{
    [Test]
    public void Validate_Defaults_Succeed() =>
        Assert.That(new RoutingOptionsValidator().Validate(null, new RoutingOptions()).Succeeded, Is.True);

    [TestCase(nameof(RoutingOptions.Workers), "Routing__Workers must be at least 1")]
    [TestCase(nameof(RoutingOptions.WriteConnections), "Routing__WriteConnections must be between 1 and 64")]
    [TestCase(nameof(RoutingOptions.MaxAttempts), "Routing__MaxAttempts must be at least 1")]
    [TestCase(nameof(RoutingOptions.Parallelism), "Routing__Parallelism must be at least 1")]
    [TestCase(nameof(RoutingOptions.MediaMaxBytes), "Routing__MediaMaxBytes must be at least 1")]
    public void Validate_ZeroCount_NamesTheSetting(string setting, string expected)
    {
        // Arrange
        var options = new RoutingOptions();
        var property = typeof(RoutingOptions).GetProperty(setting)!;
        property.SetValue(options, Convert.ChangeType(0, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        // Act
        var result = new RoutingOptionsValidator().Validate(null, options);

        // Assert
        Assert.That(result.Failures, Has.One.Contains(expected));
    }

    [Test]
    public void Validate_RetryMaxDelayBelowTheBase_NamesBoth()
    {
        // Act
        var result = new RoutingOptionsValidator().Validate(
            null, new RoutingOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromSeconds(5) });

        // Assert
        Assert.That(result.Failures, Has.One.Contains("Routing__RetryMaxDelay must not be below Routing__RetryBaseDelay"));
    }

    [Test]
    public void Validate_RetryBaseDelayZero_IsRefused()
    {
        // Act
        var result = new RoutingOptionsValidator().Validate(null, new RoutingOptions { RetryBaseDelay = TimeSpan.Zero });

        // Assert
        Assert.That(result.Failures, Has.One.Contains("Routing__RetryBaseDelay must be positive"));
    }
}
