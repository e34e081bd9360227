using System.Text.RegularExpressions;

namespace RyzeApi.Application.Routing.Formatting;

/// <summary>Where a formatting character is part of something else: a link or an e-mail address
/// (<c>https://x.com/a_b_c</c>, <c>first_last@example.com</c>) keeps every character as it is. Non-backtracking
/// regexes: a customer's text can be long and hostile, and the time stays linear in its length.</summary>
internal static partial class Verbatim
{
    // What may end a sentence or an emphasis right after a link is not part of it.
    private const string TrailingPunctuation = ".,;:!?)]}'\"*_~";

    public static bool[] Mask(string text)
    {
        var mask = new bool[text.Length];
        foreach (Match match in Links().Matches(text))
        {
            var length = match.Length;
            while (length > 1 && TrailingPunctuation.Contains(text[match.Index + length - 1], StringComparison.Ordinal))
            {
                length--;
            }

            Array.Fill(mask, true, match.Index, length);
        }

        foreach (Match match in Emails().Matches(text))
        {
            Array.Fill(mask, true, match.Index, match.Length);
        }

        return mask;
    }

    [GeneratedRegex(@"(?:\b[A-Za-z][A-Za-z0-9+.-]*://|\bwww\.)[^\s<>]+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Links();

    [GeneratedRegex(@"[A-Za-z0-9._%+~*-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Emails();
}
