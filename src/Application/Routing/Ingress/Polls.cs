using System.Text;
using System.Text.Json;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>A poll as text: <c>📊 question</c> and its options numbered, from a <c>poll{name, options[]}</c> object (an
/// option a string or an object with <c>name</c> or <c>optionName</c>), else the text the event carries.</summary>
internal static class Polls
{
    public static string? Render(JsonElement? poll, string? text)
    {
        var question = poll.Text("name") ?? poll.Text("question");
        var options = poll.Get("options") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray()
                .Select(o => o.ValueKind == JsonValueKind.String ? Json.String(o) : ((JsonElement?)o).Text("name") ?? ((JsonElement?)o).Text("optionName"))
                .Where(o => !string.IsNullOrWhiteSpace(o))
                .ToList()
            : [];
        if (question is null && options.Count == 0)
        {
            return string.IsNullOrWhiteSpace(text) || text.StartsWith("📊", StringComparison.Ordinal) ? text : "📊 " + text;
        }

        var rendered = new StringBuilder("📊 ").Append(question ?? text ?? "Poll");
        for (var i = 0; i < options.Count; i++)
        {
            rendered.Append('\n').Append(i + 1).Append(". ").Append(options[i]);
        }

        return rendered.ToString();
    }
}
