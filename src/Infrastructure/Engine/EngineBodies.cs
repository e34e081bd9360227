using System.Text.Json.Serialization;
using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Engine;

internal sealed record SendTextBody(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("source")] string Source);

internal sealed record SendMediaBody(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("mediaUrl")] string MediaUrl,
    [property: JsonPropertyName("message")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: JsonPropertyName("mimeType")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MimeType,
    [property: JsonPropertyName("fileName")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FileName,
    [property: JsonPropertyName("source")] string Source);

/// <summary>What engines answer a send, in the shapes they differ in: <c>{"data": {"messageId"}}</c>,
/// <c>{"messageId"}</c> or <c>{"data": {"id"}}</c>; a refusal as <c>{"error": {"message"}}</c>,
/// <c>{"error": "..."}</c> or <c>{"message"}</c>.</summary>
internal sealed class EngineAnswer
{
    [JsonPropertyName("data")] public JsonField<EngineData> Data { get; init; }

    [JsonPropertyName("messageId")] public JsonField<string> MessageId { get; init; }

    [JsonPropertyName("error")] public JsonField<EngineData> Error { get; init; }

    [JsonPropertyName("message")] public JsonField<string> Message { get; init; }

    /// <summary>The WhatsApp message id, wherever this engine puts it; null when it is nowhere.</summary>
    public string? SentId() =>
        Data.OrNull?.MessageId.OrNull ?? MessageId.OrNull ?? Data.OrNull?.Id.OrNull;

    /// <summary>The engine's own words for a refusal; null when it gave none.</summary>
    public string? ErrorMessage() =>
        Error.Kind == JsonFieldKind.Value ? Error.Value!.Message.OrNull
        : Error.Text ?? Message.OrNull;
}

/// <summary>The object under <c>data</c> or <c>error</c>.</summary>
internal sealed class EngineData
{
    [JsonPropertyName("messageId")] public JsonField<string> MessageId { get; init; }

    [JsonPropertyName("id")] public JsonField<string> Id { get; init; }

    [JsonPropertyName("message")] public JsonField<string> Message { get; init; }
}

[JsonSerializable(typeof(EngineAnswer))]
[JsonSerializable(typeof(EngineData))]
[JsonSerializable(typeof(SendTextBody))]
[JsonSerializable(typeof(SendMediaBody))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
