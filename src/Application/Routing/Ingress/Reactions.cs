using System.Text.Json;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>A reaction: its emoji from <c>content.text</c>, <c>content</c> as a string, or <c>reaction</c> (a string, or
/// an object with <c>text</c> or <c>emoji</c>); its target as for quotes, or <c>reaction.messageId</c> /
/// <c>reaction.key.id</c>. An emoji field that is present but empty is a reaction removed.</summary>
internal static class Reactions
{
    /// <summary>The emoji; "" when the reaction was removed; null when the event names no emoji at all.</summary>
    public static string? Emoji(JsonElement? content, JsonElement? reaction, string? text)
    {
        if (reaction is { ValueKind: JsonValueKind.String })
        {
            return reaction.AsText()!.Trim();
        }

        if (reaction is { ValueKind: JsonValueKind.Object } && (reaction.Get("text") ?? reaction.Get("emoji")) is { } emoji)
        {
            return (((JsonElement?)emoji).AsText() ?? string.Empty).Trim();
        }

        return text is not null || content.Get("text") is not null || content is { ValueKind: JsonValueKind.String }
            ? (text ?? string.Empty).Trim()
            : null;
    }

    public static string? Target(JsonElement? reaction) =>
        reaction.Text("messageId") ?? reaction.Get("key").Text("id");
}
