using System.Globalization;
using System.Text.Json;

namespace RyzeApi.WebApi.Contracts;

/// <summary>Writes instants as RFC 3339 UTC to the second (<c>2026-04-20T10:15:30Z</c>), as the contract shows.</summary>
public sealed class UtcSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
