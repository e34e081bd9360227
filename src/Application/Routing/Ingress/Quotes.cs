using System.Text.Json;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>The message a WhatsApp message quotes (or a reaction or vote points at), in the spellings engines use:
/// <c>replyTo.messageId</c>, <c>replyTo</c> as a string, <c>quoted.id</c>, <c>quotedMessageId</c> or
/// <c>contextInfo.stanzaId</c>, looked for in <c>content</c>, then the message, then <c>data</c>. The quoted text
/// (<c>replyTo.content</c>, <c>quoted.text</c>, <c>contextInfo.quotedMessage.conversation</c>) is kept for when the
/// quoted message is not in the conversation.</summary>
internal static class Quotes
{
    public static (string? Id, string? Text) Read(params JsonElement?[] places)
    {
        foreach (var place in places)
        {
            var replyTo = place.Get("replyTo");
            var quoted = place.Get("quoted");
            var context = place.Get("contextInfo");
            var id = replyTo is { ValueKind: JsonValueKind.String } ? replyTo.AsText() : replyTo.Text("messageId");
            id = Blank(id) ?? Blank(quoted.Text("id")) ?? Blank(place.Text("quotedMessageId")) ?? Blank(context.Text("stanzaId"));
            if (id is not null)
            {
                var text = TextOf(replyTo.Get("content")) ?? replyTo.Text("text") ?? TextOf(quoted.Get("text")) ?? TextOf(quoted.Get("content"))
                    ?? context.Get("quotedMessage").Text("conversation");
                return (id, Blank(text));
            }
        }

        return (null, null);
    }

    /// <summary>The quoted text as one line (whitespace runs become one space), cut at <paramref name="limit"/> characters.</summary>
    public static string OneLine(string text, int limit = 120)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= limit ? line : line[..limit].TrimEnd() + "…";
    }

    // A string, or an object's "text" / "caption".
    private static string? TextOf(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } ? value.AsText() : value.Text("text") ?? value.Text("caption");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
