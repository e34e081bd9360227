using System.ComponentModel.DataAnnotations;

namespace RyzeApi.Application.Common.Options;

/// <summary><see cref="RangeAttribute"/> under a name of its own: the options validator generator replaces the
/// framework's attribute with a copy that drops <see cref="ValidationAttribute.ErrorMessage"/>, and start-up errors
/// must name the setting as an operator writes it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public SettingRangeAttribute(Type type, string minimum, string maximum)
        : base(type, minimum, maximum)
    {
    }
}
