namespace RyzeApi.Infrastructure.Upstream;

/// <summary>What an upstream answer held under one name, read without judging it: absent, null, a value of the
/// expected JSON kind, or something else. Deserialising never fails on a wrong kind, so the adapters can name
/// the faulty field in their own words (docs/adr/0016-strict-upstream-answers.md).</summary>
[JsonConverter(typeof(JsonFieldConverterFactory))]
internal readonly record struct JsonField<T>
{
    public JsonField(JsonFieldKind kind, T? value = default, string? text = null)
    {
        Kind = kind;
        Value = value;
        Text = text;
    }

    public JsonFieldKind Kind { get; }

    /// <summary>The value when <see cref="Kind"/> is <see cref="JsonFieldKind.Value"/>.</summary>
    public T? Value { get; }

    /// <summary>A string found where another kind was expected (an engine's error is a string or an object).</summary>
    public string? Text { get; }

    /// <summary>The value, or null for anything else.</summary>
    public T? OrNull => Kind == JsonFieldKind.Value ? Value : default;
}

internal enum JsonFieldKind
{
    Absent,
    Null,
    Value,
    Other,
}
