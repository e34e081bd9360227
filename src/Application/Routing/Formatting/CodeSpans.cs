namespace RyzeApi.Application.Routing.Formatting;

/// <summary>A piece of a message: code (between backtick runs of the same length, never reformatted) or text.</summary>
internal readonly record struct Piece(string Text, int Fence)
{
    public bool IsCode => Fence > 0;
}

/// <summary>Splits a message into code and text the way both WhatsApp and markdown read backticks: a run of
/// backticks opens code that the next run of the same length closes; a run never closed is plain text.</summary>
internal static class CodeSpans
{
    /// <param name="escapes">Markdown: a backslash before a backtick makes it plain.</param>
    public static List<Piece> Split(string text, bool escapes)
    {
        var pieces = new List<Piece>();
        var plainFrom = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (escapes && text[i] == '\\' && i + 1 < text.Length)
            {
                i += 2;
                continue;
            }

            if (text[i] != '`')
            {
                i++;
                continue;
            }

            var fence = RunLength(text, i);
            var close = FindRun(text, i + fence, fence);
            if (close < 0 || close == i + fence)
            {
                i += fence;
                continue;
            }

            if (i > plainFrom)
            {
                pieces.Add(new Piece(text[plainFrom..i], 0));
            }

            pieces.Add(new Piece(text[(i + fence)..close], fence));
            i = plainFrom = close + fence;
        }

        if (plainFrom < text.Length)
        {
            pieces.Add(new Piece(text[plainFrom..], 0));
        }

        return pieces;
    }

    private static int RunLength(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == '`')
        {
            end++;
        }

        return end - start;
    }

    private static int FindRun(string text, int from, int length)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] != '`')
            {
                continue;
            }

            var run = RunLength(text, i);
            if (run == length)
            {
                return i;
            }

            i += run - 1;
        }

        return -1;
    }
}
