using System.Text.Json.Nodes;
using RyzeApi.Application.Common.Validation;

namespace RyzeApi.Infrastructure.Persistence;

/// <summary>PostgreSQL stores no NUL character: text refuses the byte, jsonb the <c>\u0000</c> escape. WhatsApp
/// texts and engine errors can carry one; it is dropped here instead of making the write fail on every retry.</summary>
internal static class PostgresText
{
    public static string WithoutNul(string text) => TextFaults.WithoutNul(text);

    /// <summary>The JSON with NUL removed from its string values; unchanged when it has none or does not parse.</summary>
    public static string JsonWithoutNul(string json)
    {
        if (!json.Contains("\\u0000", StringComparison.Ordinal))
        {
            return json;
        }

        try
        {
            var root = JsonNode.Parse(json);
            if (root is JsonValue value && Cleaned(value) is { } text)
            {
                return JsonValue.Create(text).ToJsonString();
            }

            Clean(root);
            return root?.ToJsonString() ?? json;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            // Never fail here: this runs inside a write batch, where a throw would fail every write of the batch.
            // Unparsable JSON goes on as it is: PostgreSQL's own error says more than ours would.
            return json;
        }
    }

    private static void Clean(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && Cleaned(value) is { } text)
                    {
                        obj[key] = text;
                    }
                    else
                    {
                        Clean(child);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && Cleaned(value) is { } text)
                    {
                        array[i] = text;
                    }
                    else
                    {
                        Clean(array[i]);
                    }
                }

                break;
        }
    }

    private static string? Cleaned(JsonValue value) =>
        value.TryGetValue<string>(out var text) && text.Contains('\0', StringComparison.Ordinal) ? WithoutNul(text) : null;
}
