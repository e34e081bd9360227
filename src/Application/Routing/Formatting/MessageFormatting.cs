using System.Text;

namespace RyzeApi.Application.Routing.Formatting;

/// <summary>Text formatting between WhatsApp and Chatwoot's markdown: <c>*bold*</c> ↔ <c>**bold**</c>,
/// <c>_italic_</c> ↔ <c>*italic*</c>, <c>~strike~</c> ↔ <c>~~strike~~</c>, <c>```mono```</c> ↔ <c>`mono`</c>.
/// Code is copied as it is; links, e-mail addresses, <c>snake_case</c> and <c>2*3*4</c> are not formatting.</summary>
public static class MessageFormatting
{
    private static readonly Emphasis[] s_toMarkdown = [new("*", "**"), new("_", "*"), new("~", "~~")];

    private static readonly Emphasis[] s_toWhatsApp =
        [new("**", "*"), new("__", "*"), new("~~", "~"), new("*", "_"), new("_", "_"), new("~", "~")];

    /// <summary>A WhatsApp message's text as Chatwoot shows it.</summary>
    public static string ToChatwoot(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var piece in CodeSpans.Split(text, escapes: false))
        {
            result.Append(piece.IsCode
                ? MarkdownCode(piece)
                : EmphasisPairs.Convert(piece.Text, Verbatim.Mask(piece.Text), s_toMarkdown));
        }

        return result.ToString();
    }

    /// <summary>An agent's markdown as WhatsApp shows it.</summary>
    public static string ToWhatsApp(string markdown)
    {
        var result = new StringBuilder(markdown.Length);
        foreach (var piece in CodeSpans.Split(markdown, escapes: true))
        {
            if (piece.IsCode)
            {
                result.Append("```").Append(CodeContent(piece)).Append("```");
                continue;
            }

            var (text, escaped) = Unescape(piece.Text);
            var verbatim = Verbatim.Mask(text);
            for (var i = 0; i < text.Length; i++)
            {
                verbatim[i] |= escaped[i];
            }

            result.Append(EmphasisPairs.Convert(text, verbatim, s_toWhatsApp));
        }

        return result.ToString();
    }

    /// <summary>WhatsApp's monospace (<c>```</c>) becomes code; its inline code (<c>`</c>) is markdown's already.</summary>
    private static string MarkdownCode(Piece piece)
    {
        var fence = new string('`', piece.Fence);
        if (piece.Fence != 3)
        {
            return fence + piece.Text + fence;
        }

        if (piece.Text.Contains('\n', StringComparison.Ordinal))
        {
            return "```\n" + piece.Text.Trim('\n') + "\n```";
        }

        return piece.Text.Contains('`', StringComparison.Ordinal) ? "`` " + piece.Text + " ``" : "`" + piece.Text + "`";
    }

    /// <summary>A code span or block's text: a fenced block's language line and edge line breaks dropped, the one
    /// space markdown pads a span with removed.</summary>
    private static string CodeContent(Piece piece)
    {
        var text = piece.Text;
        if (piece.Fence >= 3 && text.IndexOf('\n', StringComparison.Ordinal) is var newline and >= 0
            && text[..newline].All(c => char.IsLetterOrDigit(c) || c is '+' or '-' or '#' or '_' or '.'))
        {
            return text[(newline + 1)..].Trim('\n');
        }

        return text.Length > 2 && text[0] == ' ' && text[^1] == ' ' && !string.IsNullOrWhiteSpace(text) ? text[1..^1] : text.Trim('\n');
    }

    /// <summary>Markdown's backslash escapes (<c>\*</c>, <c>\_</c>): the character stays, as text.</summary>
    private static (string Text, bool[] Escaped) Unescape(string markdown)
    {
        var text = new StringBuilder(markdown.Length);
        var escaped = new List<bool>(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            var isEscape = markdown[i] == '\\' && i + 1 < markdown.Length && IsAsciiPunctuation(markdown[i + 1]);
            if (isEscape)
            {
                i++;
            }

            text.Append(markdown[i]);
            escaped.Add(isEscape);
        }

        return (text.ToString(), [.. escaped]);
    }

    private static bool IsAsciiPunctuation(char c) => char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c));
}
