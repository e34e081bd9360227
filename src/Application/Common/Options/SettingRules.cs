using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace RyzeApi.Application.Common.Options;

/// <summary>A rule on one setting, for the options validator generator (<c>[OptionsValidator]</c>). Its message names
/// the setting as an operator writes it, e.g. <c>RateLimiting__Window must be between 00:00:00.001 and 365.00:00:00</c>,
/// with nothing before it. DataAnnotations' own attributes put the property name in front, and the generator's copy
/// of <see cref="RangeAttribute"/> ignores <c>ErrorMessage</c> (dotnet/runtime#123137).</summary>
public abstract class SettingRuleAttribute(string setting) : ValidationAttribute
{
    public string Setting { get; } = setting;

    protected sealed override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        Accepts(value) ? ValidationResult.Success : new ValidationResult($"{Setting} {Requirement}");

    protected abstract bool Accepts(object? value);

    /// <summary>What a valid value is, e.g. "must be at least 1".</summary>
    protected abstract string Requirement { get; }
}

/// <summary>A whole number no lower than <paramref name="minimum"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AtLeastAttribute(string setting, long minimum) : SettingRuleAttribute(setting)
{
    protected override bool Accepts(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture) >= minimum;

    protected override string Requirement => $"must be at least {minimum}";
}

/// <summary>A duration from <paramref name="minimum"/> to <paramref name="maximum"/> (both included, written as in
/// configuration, <c>d.hh:mm:ss.fff</c>); without a maximum, any longer one.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DurationAttribute(string setting, string minimum, string? maximum = null) : SettingRuleAttribute(setting)
{
    private readonly TimeSpan _minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
    private readonly TimeSpan _maximum = maximum is null ? TimeSpan.MaxValue : TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    protected override bool Accepts(object? value) => value is TimeSpan duration && duration >= _minimum && duration <= _maximum;

    protected override string Requirement => maximum is null ? $"must be at least {minimum}" : $"must be between {minimum} and {maximum}";
}

/// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, both included.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BetweenAttribute(string setting, long minimum, long maximum) : SettingRuleAttribute(setting)
{
    protected override bool Accepts(object? value) =>
        Convert.ToInt64(value, CultureInfo.InvariantCulture) is var number && number >= minimum && number <= maximum;

    protected override string Requirement => $"must be between {minimum} and {maximum}";
}
