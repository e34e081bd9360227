using System.Text.Json.Serialization;
using Refit;

namespace RyzeApi.Infrastructure.Engine;

/// <summary>The engine's send endpoints (RyzeAPI's public <c>api/message/*</c>), raw responses for classification.</summary>
internal interface IEngineApi
{
    [Post("/api/message/text/{instance}")]
    Task<HttpResponseMessage> SendText(string instance, [Body] SendTextBody body, [Header("token")] string token, CancellationToken cancellationToken);

    [Post("/api/message/media/{instance}")]
    Task<HttpResponseMessage> SendMedia(string instance, [Body] SendMediaBody body, [Header("token")] string token, CancellationToken cancellationToken);
}

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
