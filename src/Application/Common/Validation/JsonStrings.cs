using System.Globalization;
using System.Text.Json;

namespace RyzeApi.Application.Common.Validation;

/// <summary>Finds a string in a parsed JSON tree that is not valid text. JSON lets a <c>\uD800</c> escape stand
/// alone, but such a string has no UTF-8 form (PostgreSQL, Chatwoot and the engine could not take it), and
/// <see cref="JsonElement.GetString"/> throws on it.</summary>
public static class JsonStrings
{
    /// <returns>A message naming the first such string by its path (<c>data.message.content</c>,
    /// <c>attachments[0].data_url</c>), or null when every string is valid text.</returns>
    public static string? FirstInvalid(JsonElement root) => Visit(root, string.Empty);

    /// <summary>Whether the UTF-8 JSON holds an escape: only <c>\uD800</c>-style escapes make a string that is not
    /// valid text (the bytes themselves were checked as UTF-8), so without one the walk can be skipped.</summary>
    public static bool MayHoldInvalid(ReadOnlySpan<byte> utf8Json) => utf8Json.IndexOf("\\u"u8) >= 0;

    private static string? Visit(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(element) ? null : Message(path.Length == 0 ? "the body" : path);
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return Message("a property name" + (path.Length == 0 ? string.Empty : " in " + path));
                    }

                    if (Visit(property.Value, path.Length == 0 ? name : path + "." + name) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Visit(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]") is { } found)
                    {
                        return found;
                    }

                    index++;
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsText(JsonElement element)
    {
        try
        {
            element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Message(string where) =>
        $"{where} is not valid text: it contains a lone UTF-16 surrogate (an escape from \\uD800 to \\uDFFF without its pair); send the text as UTF-8";
}
