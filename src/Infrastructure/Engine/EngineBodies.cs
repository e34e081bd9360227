using System.Text.Json;
using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Engine;

internal sealed record SendTextBody(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("replyTo")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReplyTo = null);

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
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("replyTo")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReplyTo = null);

/// <summary><c>DELETE /api/chat/delete/{instance}</c>: RyzeApi only ever revokes for everyone.</summary>
internal sealed record DeleteMessageBody(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("deleteForEveryone")] bool DeleteForEveryone);

/// <summary><c>POST /api/chat/presence/{instance}</c>: <c>typing</c> for <see cref="Duration"/> seconds, or <c>pause</c>.</summary>
internal sealed record PresenceBody(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("duration")] int Duration);

/// <summary><c>POST /api/chat/markChatRead/{instance}</c>.</summary>
internal sealed record MarkChatReadBody(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("read")] bool Read);

/// <summary>What engines answer a send, in the shapes they differ in: <c>{"data": {"messageId"}}</c>,
/// <c>{"messageId"}</c> or <c>{"data": {"id"}}</c>; a refusal as <c>{"error": {"message"}}</c>,
/// <c>{"error": "..."}</c> or <c>{"message"}</c>.</summary>
internal sealed record EngineAnswer(
    [property: JsonPropertyName("data")] JsonField<EngineData> Data,
    [property: JsonPropertyName("messageId")] JsonField<string> MessageId,
    [property: JsonPropertyName("error")] JsonField<EngineData> Error,
    [property: JsonPropertyName("message")] JsonField<string> Message)
{
    /// <summary>The WhatsApp message id, wherever this engine puts it; null when it is nowhere.</summary>
    public string? SentId() =>
        Data.OrNull?.MessageId.OrNull ?? MessageId.OrNull ?? Data.OrNull?.Id.OrNull;

    /// <summary>The engine's own words in a refusal's <paramref name="body"/>; null when it gave none or the body
    /// is not JSON (or holds a lone surrogate escape).</summary>
    public static string? ErrorIn(string body)
    {
        try
        {
            var answer = JsonSerializer.Deserialize(body, EngineJsonContext.Default.EngineAnswer);
            return answer is null ? null
                : answer.Error.Kind == JsonFieldKind.Value ? answer.Error.Value!.Message.OrNull
                : answer.Error.Text ?? answer.Message.OrNull;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>The object under <c>data</c> or <c>error</c>.</summary>
internal sealed record EngineData(
    [property: JsonPropertyName("messageId")] JsonField<string> MessageId,
    [property: JsonPropertyName("id")] JsonField<string> Id,
    [property: JsonPropertyName("message")] JsonField<string> Message);

[JsonSerializable(typeof(EngineAnswer))]
[JsonSerializable(typeof(EngineData))]
[JsonSerializable(typeof(SendTextBody))]
[JsonSerializable(typeof(SendMediaBody))]
[JsonSerializable(typeof(DeleteMessageBody))]
[JsonSerializable(typeof(PresenceBody))]
[JsonSerializable(typeof(MarkChatReadBody))]
[JsonSerializable(typeof(EngineProfileAnswer))]
internal sealed partial class EngineJsonContext : JsonSerializerContext;
