using System.Text;

namespace RyzeApi.Application.Routing.Formatting;

/// <summary>One emphasis marker and what it becomes on the other side (<c>*</c> → <c>**</c>).</summary>
internal readonly record struct Emphasis(string From, string To);

/// <summary>Pairs emphasis markers the way WhatsApp does, a rule markdown's own flanking rules agree with on
/// ordinary text: a marker opens at the start or after a character that is not a letter or digit, before a
/// non-space; it closes on the same line after a non-space, before the end or a character that is not a letter or
/// digit. A marker is a whole run of its character (<c>**</c> is never two <c>*</c>). So <c>2*3*4</c>,
/// <c>snake_case_words</c> and <c>a * b</c> stay as they are.</summary>
internal static class EmphasisPairs
{
    /// <param name="markers">Longest first where one is a prefix of another.</param>
    /// <param name="verbatim">Characters that are never markers (inside a link, an address, escaped).</param>
    public static string Convert(string text, bool[] verbatim, IReadOnlyList<Emphasis> markers)
    {
        var paired = new Emphasis?[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (paired[i] is { } closer)
            {
                i += closer.From.Length - 1;
                continue;
            }

            foreach (var marker in markers)
            {
                if (Opens(text, verbatim, i, marker.From) && Closer(text, verbatim, paired, i, marker.From) is var j and >= 0)
                {
                    paired[i] = paired[j] = marker;
                    i += marker.From.Length - 1;
                    break;
                }
            }
        }

        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (paired[i] is { } marker)
            {
                result.Append(marker.To);
                i += marker.From.Length - 1;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    private static bool Opens(string text, bool[] verbatim, int at, string marker)
    {
        var after = at + marker.Length;
        return IsRun(text, verbatim, at, marker)
            && (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
            && after < text.Length && !char.IsWhiteSpace(text[after]);
    }

    private static int Closer(string text, bool[] verbatim, Emphasis?[] paired, int opener, string marker)
    {
        for (var j = opener + marker.Length + 1; j <= text.Length - marker.Length; j++)
        {
            if (text[j] == '\n')
            {
                return -1;
            }

            var after = j + marker.Length;
            if (paired[j] is null && IsRun(text, verbatim, j, marker) && !char.IsWhiteSpace(text[j - 1])
                && (after == text.Length || !char.IsLetterOrDigit(text[after])))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>Whether the whole run of the marker's character starting exactly at <paramref name="at"/> is the marker.</summary>
    private static bool IsRun(string text, bool[] verbatim, int at, string marker)
    {
        var c = marker[0];
        if (verbatim[at] || (at > 0 && text[at - 1] == c && !verbatim[at - 1]))
        {
            return false;
        }

        var end = at;
        while (end < text.Length && text[end] == c && !verbatim[end])
        {
            end++;
        }

        return end - at == marker.Length;
    }
}
