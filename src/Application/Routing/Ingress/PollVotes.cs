using System.Text.Json;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>A poll vote (<c>poll_update</c>, <c>poll_vote</c>): the options chosen, from <c>vote.selectedOptions</c>,
/// <c>vote.options</c> or <c>selectedOptions</c> (strings, or objects with <c>name</c> or <c>optionName</c>), as
/// <c>🗳️ option, option</c>; the poll from <c>vote.pollId</c>, <c>vote.pollMessageId</c>, <c>pollId</c> or
/// <c>pollMessageId</c>, else as for quotes. Null when no option is named (WhatsApp may send only their hashes).</summary>
internal static class PollVotes
{
    public static string? Render(JsonElement? vote, JsonElement? selected)
    {
        var list = vote.Get("selectedOptions") ?? vote.Get("options") ?? selected;
        if (list is not { ValueKind: JsonValueKind.Array } options)
        {
            return null;
        }

        var named = options.EnumerateArray()
            .Select(o => o.ValueKind == JsonValueKind.String ? Json.String(o) : ((JsonElement?)o).Text("name") ?? ((JsonElement?)o).Text("optionName"))
            .Where(o => !string.IsNullOrWhiteSpace(o))
            .ToList();
        return named.Count == 0 ? null : "🗳️ " + string.Join(", ", named);
    }

    public static string? Poll(JsonElement? vote, params JsonElement?[] places) =>
        vote.Text("pollId") ?? vote.Text("pollMessageId") ?? Json.FirstText("pollId", places) ?? Json.FirstText("pollMessageId", places);
}
