using System.Globalization;
using System.Text.RegularExpressions;

namespace RyzeApi.Domain.Instances;

/// <summary>An instance name: 1 to 64 letters, digits, '-' or '_'. Names are unique across the server
/// because the WhatsApp engine addresses instances by name alone.</summary>
public static partial class InstanceName
{
    public const int MaxLength = 64;

    public const string Rule = "1 to 64 letters, digits, '-' or '_'";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>What is wrong with <paramref name="name"/> ("is empty", "has 70 characters", "contains a space at
    /// position 3"), or null when it is a valid name.</summary>
    public static string? Fault(string name)
    {
        if (name.Length == 0)
        {
            return "is empty";
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                continue;
            }

            var at = (i + 1).ToString(CultureInfo.InvariantCulture);
            var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            return c switch
            {
                ' ' => $"contains a space at position {at}",
                _ when char.IsControl(c) => $"contains a control character (U+{code}) at position {at}",
                _ when char.IsSurrogate(c) || c > '\u007f' => $"contains a character that is not ASCII (U+{code}) at position {at}",
                _ => $"contains '{c}' at position {at}",
            };
        }

        return name.Length > MaxLength
            ? string.Create(CultureInfo.InvariantCulture, $"is too long: {name.Length} characters, at most {MaxLength}")
            : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
