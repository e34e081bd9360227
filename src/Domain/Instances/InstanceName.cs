using System.Text.RegularExpressions;

namespace RyzeApi.Domain.Instances;

/// <summary>An instance name: 1 to 64 letters, digits, '-' or '_'. Names are unique across the server
/// because the WhatsApp engine addresses instances by name alone.</summary>
public static partial class InstanceName
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
