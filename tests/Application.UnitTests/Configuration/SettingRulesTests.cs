using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace RyzeApi.Application.UnitTests.Configuration;

public sealed class SettingRulesTests
{
    [TestCase(0L, "Sample__Count must be at least 1")]
    [TestCase(-5L, "Sample__Count must be at least 1")]
    [TestCase(1L, null)]
    [TestCase(long.MaxValue, null)]
    public void AtLeast_SaysTheSettingAndItsMinimum(long count, string? expected)
    {
        // Act
        var failures = Failures(new Sample { Count = count });

        // Assert
        Assert.That(failures, Is.EqualTo(expected is null ? Array.Empty<string>() : new[] { expected }));
    }

    [TestCase("00:00:00.009", "Sample__Poll must be at least 00:00:00.010")]
    [TestCase("00:00:00.010", null)]
    [TestCase("7.00:00:00", null)]
    public void Duration_WithoutMaximum_SaysTheMinimum(string poll, string? expected)
    {
        // Act
        var failures = Failures(new Sample { Poll = TimeSpan.Parse(poll, CultureInfo.InvariantCulture) });

        // Assert
        Assert.That(failures, Is.EqualTo(expected is null ? Array.Empty<string>() : new[] { expected }));
    }

    [TestCase("-00:00:00.001", "Sample__Claim must be between 00:00:00 and 00:00:01")]
    [TestCase("00:00:01.001", "Sample__Claim must be between 00:00:00 and 00:00:01")]
    [TestCase("00:00:00", null)]
    [TestCase("00:00:01", null)]
    public void Duration_WithMaximum_IncludesBothEnds(string claim, string? expected)
    {
        // Act
        var failures = Failures(new Sample { Claim = TimeSpan.Parse(claim, CultureInfo.InvariantCulture) });

        // Assert
        Assert.That(failures, Is.EqualTo(expected is null ? Array.Empty<string>() : new[] { expected }));
    }

    [Test]
    public void Failure_NamesNoProperty_OnlyTheSetting()
    {
        // Arrange
        var sample = new Sample { Count = 0 };
        var results = new List<ValidationResult>();

        // Act
        Validator.TryValidateObject(sample, new ValidationContext(sample), results, validateAllProperties: true);

        // Assert
        Assert.That(results.Single().MemberNames, Is.Empty);
    }

    private static string[] Failures(Sample sample)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(sample, new ValidationContext(sample), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }

    private sealed class Sample
    {
        [AtLeast("Sample__Count", 1)]
        public long Count { get; set; } = 1;

        [Duration("Sample__Poll", "00:00:00.010")]
        public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(1);

        [Duration("Sample__Claim", "00:00:00", "00:00:01")]
        public TimeSpan Claim { get; set; }
    }
}
