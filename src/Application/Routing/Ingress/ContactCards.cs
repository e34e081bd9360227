using System.Text;
using System.Text.Json;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>Shared contact cards, which a Chatwoot API inbox cannot hold as such: the text names each contact
/// (<c>👤 name</c>) and its numbers, and the cards themselves go along as one <c>.vcf</c> file an agent can save.
/// Accepted: <c>content.vcard</c>, <c>vcard</c>, <c>contacts</c> (vCard texts, or objects with <c>fullName</c>,
/// <c>phone</c>, <c>organization</c>, <c>email</c>) and <c>displayName</c> for a card without a name.</summary>
internal static class ContactCards
{
    public static (string Text, WhatsAppMedia File)? Render(JsonElement? content, JsonElement? message, JsonElement? data)
    {
        var cards = new List<string>();
        foreach (var vcard in new[] { content.Text("vcard"), Json.FirstText("vcard", message, data) })
        {
            if (!string.IsNullOrWhiteSpace(vcard) && !cards.Contains(vcard))
            {
                cards.Add(vcard);
            }
        }

        if (Json.First("contacts", content, message, data) is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var entry in list.EnumerateArray())
            {
                var card = entry.ValueKind == JsonValueKind.String ? Json.String(entry) : entry.ValueKind == JsonValueKind.Object ? Build(entry) : null;
                if (!string.IsNullOrWhiteSpace(card))
                {
                    cards.Add(card);
                }
            }
        }

        if (cards.Count == 0)
        {
            return null;
        }

        var displayName = Json.FirstText("displayName", content, message, data);
        var text = new StringBuilder();
        foreach (var card in cards)
        {
            var lines = card.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var name = Value(lines, "FN") ?? displayName ?? "contact";
            text.Append(text.Length > 0 ? "\n" : string.Empty).Append("👤 ").Append(name);
            foreach (var phone in lines.Where(l => Field(l) == "TEL").Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            {
                text.Append('\n').Append(phone);
            }
        }

        var firstName = Value(cards[0].Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'), "FN") ?? displayName ?? "contact";
        var bytes = Encoding.UTF8.GetBytes(string.Join("\r\n", cards.Select(c => c.TrimEnd())) + "\r\n");
        var file = new WhatsAppMedia("document", null, Convert.ToBase64String(bytes), "text/vcard", FileName(firstName), null);
        return (text.ToString(), file);
    }

    private static string Build(JsonElement contact)
    {
        JsonElement? element = contact;
        var card = new StringBuilder("BEGIN:VCARD\r\nVERSION:3.0\r\n");
        card.Append("FN:").Append(element.Text("fullName") ?? element.Text("name") ?? "contact").Append("\r\n");
        if (element.Text("organization") is { } organization)
        {
            card.Append("ORG:").Append(organization).Append("\r\n");
        }

        if ((element.Text("phone") ?? element.Text("phoneNumber")) is { } phone)
        {
            card.Append("TEL:").Append(phone).Append("\r\n");
        }

        if (element.Text("email") is { } email)
        {
            card.Append("EMAIL:").Append(email).Append("\r\n");
        }

        return card.Append("END:VCARD").ToString();
    }

    // A vCard line's property name, without its parameters (TEL;type=CELL;waid=… is TEL).
    private static string Field(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? string.Empty : line[..colon].Split(';')[0].Trim().ToUpperInvariant();
    }

    private static string? Value(string[] lines, string field) =>
        lines.FirstOrDefault(l => Field(l) == field) is { } line ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() is { Length: > 0 } v ? v : null : null;

    private static string FileName(string name)
    {
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' ? c : '_').ToArray()).Trim();
        return (safe.Length == 0 ? "contact" : safe[..Math.Min(safe.Length, 60)]) + ".vcf";
    }
}
