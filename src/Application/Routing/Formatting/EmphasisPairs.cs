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
        var lineEnds = LineEnds(text);
        var closers = markers.Select(m => Closers(text, verbatim, m.From)).ToArray();
        for (var i = 0; i < text.Length; i++)
        {
            if (paired[i] is { } closer)
            {
                i += closer.From.Length - 1;
                continue;
            }

            for (var m = 0; m < markers.Count; m++)
            {
                var marker = markers[m];
                if (Opens(text, verbatim, i, marker.From) && Closer(closers[m], paired, i + marker.From.Length + 1, lineEnds[i]) is var j and >= 0)
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

    /// <summary>The first closing marker from <paramref name="from"/> not already paired, before <paramref name="lineEnd"/>.</summary>
    private static int Closer(int[] closers, Emphasis?[] paired, int from, int lineEnd)
    {
        var j = from < closers.Length ? closers[from] : closers[^1];
        while (j < lineEnd && paired[j] is not null)
        {
            j = closers[j + 1];
        }

        return j < lineEnd ? j : -1;
    }

    /// <summary>For each position, where the next marker that can close starts (the text's length when none): read once,
    /// so pairing stays linear in the text's length whatever it holds.</summary>
    private static int[] Closers(string text, bool[] verbatim, string marker)
    {
        var next = new int[text.Length + 1];
        next[text.Length] = text.Length;
        for (var j = text.Length - 1; j >= 0; j--)
        {
            var after = j + marker.Length;
            var closes = j > 0 && after <= text.Length && IsRun(text, verbatim, j, marker) && !char.IsWhiteSpace(text[j - 1])
                && (after == text.Length || !char.IsLetterOrDigit(text[after]));
            next[j] = closes ? j : next[j + 1];
        }

        return next;
    }

    /// <summary>For each position, where its line ends (a marker closes on the line it opened).</summary>
    private static int[] LineEnds(string text)
    {
        var ends = new int[text.Length];
        var end = text.Length;
        for (var j = text.Length - 1; j >= 0; j--)
        {
            if (text[j] == '\n')
            {
                end = j;
            }

            ends[j] = end;
        }

        return ends;
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
