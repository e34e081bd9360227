using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RyzeApi.Infrastructure.Upstream;

/// <summary>Reads a <see cref="JsonField{T}"/>: strings, 64-bit integers, objects and arrays of the source-generated
/// types; any other JSON kind is skipped and recorded as <see cref="JsonFieldKind.Other"/>. Read only: requests are
/// written from their own body types.</summary>
internal sealed class JsonFieldConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(JsonField<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(JsonFieldConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

internal sealed class JsonFieldConverter<T> : JsonConverter<JsonField<T>>
{
    private static readonly JsonTokenType s_expected =
        typeof(T) == typeof(string) ? JsonTokenType.String
        : typeof(T) == typeof(long) ? JsonTokenType.Number
        : typeof(System.Collections.IEnumerable).IsAssignableFrom(typeof(T)) ? JsonTokenType.StartArray
        : JsonTokenType.StartObject;

    // Resolved on first use: resolving it while the enclosing type's contract is built would recurse (a contact
    // answer holds contact answers).
    private JsonTypeInfo<T>? _typeInfo;

    public override bool HandleNull => true;

    public override JsonField<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return new(JsonFieldKind.Null);
        }

        if (reader.TokenType != s_expected)
        {
            // GetString also refuses a lone surrogate here, like everywhere else in the answer.
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
            return new(JsonFieldKind.Other, text: text);
        }

        if (typeof(T) == typeof(string))
        {
            return new(JsonFieldKind.Value, (T)(object)reader.GetString()!);
        }

        if (typeof(T) == typeof(long))
        {
            return reader.TryGetInt64(out var number) ? new(JsonFieldKind.Value, Unsafe.As<long, T>(ref number)) : new(JsonFieldKind.Other);
        }

        _typeInfo ??= (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        return new(JsonFieldKind.Value, JsonSerializer.Deserialize(ref reader, _typeInfo));
    }

    public override void Write(Utf8JsonWriter writer, JsonField<T> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("JsonField is read from upstream answers, never written.");
}
