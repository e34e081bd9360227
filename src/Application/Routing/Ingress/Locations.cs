using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>A shared location as text an agent can use: a Chatwoot API inbox cannot hold a location attachment.
/// Coordinates come from <c>content.latitude</c>/<c>longitude</c>, a <c>location{…}</c> object, or RyzeAPI's own text
/// form (<c>📍 name\naddress\nLat: …, Long: …</c>); whenever they can be read, the text carries a maps link.</summary>
internal static partial class Locations
{
    public static string? Render(JsonElement? content, JsonElement? location, string? text)
    {
        var source = content is { ValueKind: JsonValueKind.Object } && (content.Get("latitude") is not null || content.Get("name") is not null)
            ? content
            : location;
        var latitude = Coordinate(source.Get("latitude"));
        var longitude = Coordinate(source.Get("longitude"));
        var name = source.Text("name");
        var address = source.Text("address");
        if ((latitude is null || longitude is null) && text is not null && TextForm().Match(text) is { Success: true } match)
        {
            (latitude, longitude) = (match.Groups["lat"].Value, match.Groups["lng"].Value);
            var lines = text[..match.Index].TrimEnd().Split('\n');
            name ??= lines.Length > 0 && lines[0].Length > 0 ? lines[0].Replace("📍", string.Empty, StringComparison.Ordinal).Trim() : null;
            address ??= lines.Length > 1 ? lines[1].Trim() : null;
        }

        var rendered = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(name))
        {
            rendered.Append("📍 ").Append(name);
        }

        if (!string.IsNullOrWhiteSpace(address))
        {
            rendered.Append(rendered.Length > 0 ? "\n" : "📍 ").Append(address);
        }

        if (latitude is not null && longitude is not null)
        {
            rendered.Append(rendered.Length > 0 ? "\n" : "📍 ")
                .Append("https://www.google.com/maps/search/?api=1&query=").Append(latitude).Append(',').Append(longitude);
        }

        return rendered.Length > 0 ? rendered.ToString() : text;
    }

    // A number as sent (no float formatting on the way), when it is a valid coordinate.
    private static string? Coordinate(JsonElement? value)
    {
        var raw = value switch
        {
            { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
            { ValueKind: JsonValueKind.String } text => text.GetString()?.Trim(),
            _ => null,
        };
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) && Math.Abs(degrees) <= 180
            ? raw
            : null;
    }

    [GeneratedRegex(@"Lat(?:itude)?:\s*(?<lat>-?\d+(?:\.\d+)?)\s*,\s*Long(?:itude)?:\s*(?<lng>-?\d+(?:\.\d+)?)")]
    private static partial Regex TextForm();
}
