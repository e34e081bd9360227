using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.ContractTests.Support;

/// <summary>Compares two JSON documents by meaning (property order and formatting do not count) and
/// names each difference by its JSON Pointer, so a failing snapshot says what changed, not just that.</summary>
public static class JsonDiff
{
    private static readonly JsonSerializerOptions s_indented = new()
    {
        WriteIndented = true,
        // The document is read by people in reviews: keep '<', '>' and non-ASCII text as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The form the snapshot is committed in: two-space indentation, LF, a final newline.</summary>
    public static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(s_indented).ReplaceLineEndings("\n") + "\n";

    public static List<string> Differences(JsonNode? expected, JsonNode? actual)
    {
        var lines = new List<string>();
        Compare("", expected, actual, lines);
        return lines;
    }

    private static void Compare(string pointer, JsonNode? expected, JsonNode? actual, List<string> lines)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var (name, value) in e)
                {
                    if (a.TryGetPropertyValue(name, out var other))
                    {
                        Compare(Child(pointer, name), value, other, lines);
                    }
                    else
                    {
                        lines.Add($"- {Child(pointer, name)}: {Show(value)}");
                    }
                }

                lines.AddRange(a.Where(p => !e.ContainsKey(p.Key)).Select(p => $"+ {Child(pointer, p.Key)}: {Show(p.Value)}"));
                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    Compare(Child(pointer, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), e[i], a[i], lines);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    lines.Add($"~ {pointer}: {Show(expected)} -> {Show(actual)}");
                }

                break;
        }
    }

    private static string Child(string pointer, string name) => $"{pointer}/{name.Replace("~", "~0").Replace("/", "~1")}";

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
