using System.Text.Json;
using RyzeApi.Application.Common;
using RyzeApi.Application.Common.Exceptions;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>Liberal reads from a JSON tree: a missing or differently typed field is null, never an exception.</summary>
internal static class Json
{
    /// <summary>Parses a request body that must be a JSON object; anything else is a 400 naming what was expected.</summary>
    public static JsonDocument ParseObject(string body, string expected)
    {
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

        return document;
    }

    public static JsonElement? Get(this JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? Text(this JsonElement? element, string name) => element.Get(name) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => null,
    };

    public static long? Long(this JsonElement? element, string name) => element.Get(name) switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out var n) => n,
        { ValueKind: JsonValueKind.String } v when long.TryParse(v.GetString(), out var n) => n,
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
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => null,
    };
}
