using Microsoft.Extensions.Options;
using RyzeApi.WebApi.RateLimiting;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

public sealed class RateLimitSettingsValidatorTests
{
    private readonly RateLimitSettingsValidator _validator = new();

    public static IEnumerable<TestCaseData> BadSettings()
    {
        yield return Case(s => s.GlobalPermitLimit = 0, "RateLimiting__GlobalPermitLimit must be at least 1");
        yield return Case(s => s.InstanceCreatePermitLimit = -1, "RateLimiting__InstanceCreatePermitLimit must be at least 1");
        yield return Case(s => s.IngressPermitLimit = 0, "RateLimiting__IngressPermitLimit must be at least 1");
        yield return Case(s => s.Window = TimeSpan.Zero, "RateLimiting__Window must be between 00:00:00.001 and 365.00:00:00");
        yield return Case(s => s.Window = TimeSpan.FromTicks(9_999), "RateLimiting__Window must be between 00:00:00.001 and 365.00:00:00");
        yield return Case(s => s.Window = TimeSpan.FromDays(366), "RateLimiting__Window must be between 00:00:00.001 and 365.00:00:00");
    }

    [TestCaseSource(nameof(BadSettings))]
    public void Validate_ValueEveryRequestWouldFailOn_FailsNamingTheSetting(Action<RateLimitSettings> change, string expected)
    {
        // Arrange
        var settings = new RateLimitSettings();
        change(settings);

        // Act
        var result = _validator.Validate(Options.DefaultName, settings);

        // Assert
        Assert.That(result.Failures, Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Validate_Defaults_Succeed()
    {
        // Act
        var result = _validator.Validate(Options.DefaultName, new RateLimitSettings());

        // Assert
        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    private static TestCaseData Case(Action<RateLimitSettings> change, string expected) => new TestCaseData(change, expected).SetArgDisplayNames(expected);
}
