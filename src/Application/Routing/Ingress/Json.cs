using System.Text.Json;
using RyzeApi.Application.Common;
using RyzeApi.Application.Common.Validation;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>Liberal reads from a JSON tree: a missing or differently typed field is null, never an exception.
/// Every string read here has its NUL characters removed (docs/adr/0014-hostile-text.md): an engine or Chatwoot
/// may send one, PostgreSQL cannot store it, and dropping the message would lose what the rest of it says.</summary>
internal static class Json
{
    /// <summary>Parses a request body that must be a JSON object; anything else is a 400 naming what was expected.
    /// The body is read as the bytes that came (JSON is UTF-8), so bytes that are not UTF-8 are refused instead of
    /// being replaced, and a string that is not valid text (a lone UTF-16 surrogate) is refused naming its field.</summary>
    public static JsonDocument ParseObject(ReadOnlyMemory<byte> body, string expected)
    {
        if (Utf8Text.Fault(body.Span) is { } notUtf8)
        {
            throw new ValidationException([notUtf8]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw new ValidationException([JsonSyntaxError.Describe(exception)]);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new ValidationException([$"the body must be {expected} (a JSON object)"]);
        }

        if (JsonStrings.MayHoldInvalid(body.Span) && JsonStrings.FirstInvalid(document.RootElement) is { } invalid)
        {
            document.Dispose();
            throw new ValidationException([invalid]);
        }

        return document;
    }

    public static JsonElement? Get(this JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? Text(this JsonElement? element, string name) => element.Get(name).AsText();

    public static long? Long(this JsonElement? element, string name) => element.Get(name) switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) => n,
        { ValueKind: JsonValueKind.String } v when long.TryParse(String(v), out var n) => n,
        _ => null,
    };

    public static bool? Bool(this JsonElement? element, string name) => element.Get(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>The first of <paramref name="candidates"/> that has <paramref name="name"/>.</summary>
    public static JsonElement? First(string name, params JsonElement?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Get(name) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    public static string? FirstText(string name, params JsonElement?[] candidates) =>
        First(name, candidates) is { } v ? ((JsonElement?)v).AsText() : null;

    public static string? AsText(this JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } v => String(v),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => null,
    };

    /// <summary>A string value without NUL characters (see the class comment).</summary>
    public static string String(JsonElement element) => TextFaults.WithoutNul(element.GetString()!);
}
