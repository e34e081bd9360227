using System.Text.Json;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>Liberal reads from a JSON tree: a missing or differently typed field is null, never an exception.</summary>
internal static class Json
{
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
