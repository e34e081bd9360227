using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RyzeApi.Application.Common;

/// <summary>Says what is wrong with a body that is not JSON as a person would: where (line and column, counted
/// from 1; the column counts bytes, so it matches characters on ASCII lines) and what was expected, without
/// the parser's type names or options. One wording for every endpoint that reads JSON.</summary>
public static partial class JsonSyntaxError
{
    private static readonly (Regex Pattern, Func<Match, string> Plain)[] s_rules =
    [
        (Rule(@"^'(?<c>.+)' is invalid after a value\."), m => $"expected ',', '}}' or ']' after a value, found {Found(m)}"),
        (Rule(@"^'(?<c>.+)' is invalid after a property name\."), m => $"expected ':' after a property name, found {Found(m)}"),
        (Rule(@"^'(?<c>.+)' is an invalid start of a property name\."), m => $"expected a property name in double quotes, found {Found(m)}"),
        (Rule(@"^'(?<c>.+)' is an invalid start of a value\."), m => $"expected a value (a string in double quotes, a number, true, false, null, an object or an array), found {Found(m)}"),
        (Rule(@"^The JSON object contains a trailing comma"), _ => "a comma before '}' must be followed by another property"),
        (Rule(@"^The JSON array contains a trailing comma"), _ => "a comma before ']' must be followed by another value"),
        (Rule(@"^Expected end of string, but instead reached end of data"), _ => "the body ends inside a string (a closing '\"' is missing)"),
        (Rule(@"^Expected depth to be zero"), _ => "the body ends before every '{' and '[' is closed"),
        (Rule(@"reached end of data"), _ => "the body ends too early"),
        (Rule(@"^The input does not contain any (complete )?JSON tokens"), _ => "the body holds no JSON value"),
        (Rule(@"^'(?<c>.+)' is invalid after a single JSON value\."), m => $"expected the end of the body after the JSON value, found {Found(m)}"),
        (Rule(@"^'(?<c>.+)' is an invalid JSON literal\. Expected the literal '(?<l>\w+)'"), m => $"expected {m.Groups["l"].Value}, found {Found(m)}"),
        (Rule(@"^'(?<c>.+)' is an invalid escapable character within a JSON string"), m => $"'\\{m.Groups["c"].Value}' is not an escape a JSON string may contain (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)"),
        (Rule(@"^'(?<c>.+)' is not a hex digit following '\\u'"), m => $"'\\u' must be followed by four hexadecimal digits, found {Found(m)}"),
        (Rule(@"^'(?<c>.+)' is invalid within a JSON string"), m => $"{Found(m)} must be escaped inside a string"),
        (Rule(@"^Invalid leading zero before"), _ => "a number may not start with 0 followed by more digits"),
        (Rule(@"^'(?<c>.+)' is invalid within a number"), m => $"expected a digit in the number, found {Found(m)}"),
        (Rule(@"^'(?<c>.+)' is an invalid end of a number\."), _ => "expected ',', '}' or ']' after a number"),
        (Rule(@"^'(?<c>.+)' is invalid without a matching open\."), m => $"found {Found(m)}, which closes nothing that is open here"),
        (Rule(@"^The maximum configured depth of (?<d>\d+) has been exceeded"), m => $"objects and arrays are nested more than {m.Groups["d"].Value} levels deep"),
    ];

    /// <summary>E.g. <c>malformed JSON at line 1, column 9: expected ',', '}' or ']' after a value, found '"'</c>.</summary>
    public static string Describe(JsonException exception) =>
        Compose(exception.LineNumber, exception.BytePositionInLine, Description(exception.Message));

    /// <summary>The same from the parser's message alone (MVC keeps only the message of a syntax error):
    /// <c>… LineNumber: 0 | BytePositionInLine: 65.</c></summary>
    public static string Describe(string parserMessage)
    {
        var position = Position().Match(parserMessage);
        return position.Success
            ? Compose(long.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture),
                long.Parse(position.Groups["byte"].Value, CultureInfo.InvariantCulture), Description(parserMessage))
            : Compose(null, null, Description(parserMessage));
    }

    private static string Compose(long? line, long? bytePosition, string what) =>
        line is { } l && bytePosition is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"malformed JSON at line {l + 1}, column {b + 1}: {what}")
            : $"malformed JSON: {what}";

    /// <summary>The parser's sentence before " Path:" / " LineNumber:", in plain words.</summary>
    private static string Description(string message)
    {
        var end = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (end < 0)
        {
            end = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        var text = (end >= 0 ? message[..end] : message).Trim();
        foreach (var (pattern, plain) in s_rules)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return plain(match);
            }
        }

        // Unknown wording: its first sentence, which names the fault without type names.
        var stop = text.IndexOf(". ", StringComparison.Ordinal);
        return (stop > 0 ? text[..stop] : text).TrimEnd('.');
    }

    /// <summary>The offending text: a control character by its code (the parser reports <c>0x09</c>), otherwise quoted.</summary>
    private static string Found(Match match)
    {
        var c = match.Groups["c"].Value;
        return c.StartsWith("0x", StringComparison.Ordinal) && c.Length == 4 ? $"the control character {c}"
            : c.Contains('\'', StringComparison.Ordinal) ? $"\"{c}\""
            : $"'{c}'";
    }

    private static Regex Rule(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    [GeneratedRegex(@"LineNumber: (?<line>\d+) \| BytePositionInLine: (?<byte>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Position();
}
