using System.Globalization;
using System.Text;

namespace RyzeApi.Application.Common.Validation;

/// <summary>What is wrong with a piece of text, said the way a validation message needs it ("contains a space",
/// "contains a control character (U+0000)"), so a message names the actual fault instead of restating the rule.</summary>
public static class TextFaults
{
    /// <summary>The text without NUL characters: PostgreSQL stores none (docs/adr/0014-hostile-text.md).</summary>
    public static string WithoutNul(string text) =>
        text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", string.Empty, StringComparison.Ordinal) : text;

    /// <summary>The first character of <paramref name="text"/> that may not be in a token, a key or any other
    /// value made of visible ASCII characters only, described; null when there is none.</summary>
    public static string? NotVisibleAscii(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c > ' ' && c < '\u007f')
            {
                continue;
            }

            return c == ' ' ? Space(i) : Describe(text, i) ?? $"contains a character that is not ASCII ({CodePoint(text, i)}) at position {i + 1}";
        }

        return null;
    }

    /// <summary>The first character no free text may carry (a control character, a lone surrogate), described;
    /// null when there is none. Spaces and any other Unicode character are fine.</summary>
    public static string? NotText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Describe(text, i) is { } fault)
            {
                return fault;
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>"is too long: 300 characters, at most 255".</summary>
    public static string TooLong(int max, int actual) =>
        string.Create(CultureInfo.InvariantCulture, $"is too long: {actual} characters, at most {max}");

    /// <summary>"is too short: 3 characters, at least 16".</summary>
    public static string TooShort(int min, int actual) =>
        string.Create(CultureInfo.InvariantCulture, $"is too short: {actual} characters, at least {min}");

    private static string? Describe(string text, int i)
    {
        var c = text[i];
        if (char.IsControl(c))
        {
            return $"contains a control character ({CodePoint(text, i)}) at position {i + 1}";
        }

        if (char.IsHighSurrogate(c) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]) : char.IsLowSurrogate(c))
        {
            return $"contains a lone UTF-16 surrogate ({CodePoint(text, i)}) at position {i + 1}";
        }

        return null;
    }

    private static string Space(int i) => $"contains a space at position {i + 1}";

    private static string CodePoint(string text, int i) =>
        "U+" + (Rune.TryGetRuneAt(text, i, out var rune) ? rune.Value : text[i]).ToString("X4", CultureInfo.InvariantCulture);
}
