using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RyzeApi.Testing.Chatwoot;

namespace RyzeApi.Testing.Engine;

/// <summary>The engine's send endpoints (RyzeAPI's <c>api/message/text|media/{instance}</c>)
/// and the media files it serves. Check order: token (401), instance (404), connection (400), body (400).</summary>
internal static class EngineEndpoints
{
    public const string MediaPrefix = "/media/";
    private static readonly string[] s_mediaTypes = ["image", "video", "audio", "document"];

    public static void Map(IEndpointRouteBuilder routes, EngineState state)
    {
        routes.MapPost("/api/message/text/{instance}", context => SendAsync(context, state, FakeEngineSend.TextKind));
        routes.MapPost("/api/message/media/{instance}", context => SendAsync(context, state, FakeEngineSend.MediaKind));
        routes.MapGet(MediaPrefix + "{id}/{*fileName}", context => ServeMediaAsync(context, state));
        EngineChatEndpoints.Map(routes, state);
        routes.MapFallback(context => WriteAsync(context, StatusCodes.Status404NotFound, EngineErrors.Envelope("Route not found")));
    }

    private static async Task SendAsync(HttpContext context, EngineState state, string kind)
    {
        var token = context.Request.Headers["token"].ToString();
        if (string.IsNullOrWhiteSpace(token))
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, EngineErrors.MissingToken);
            return;
        }

        if (token != state.Token)
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, EngineErrors.InvalidToken);
            return;
        }

        var instance = context.Request.RouteValues["instance"] as string ?? "";
        if (!state.IsKnown(instance))
        {
            await WriteAsync(context, StatusCodes.Status404NotFound, EngineErrors.InstanceNotFound);
            return;
        }

        if (!state.IsConnected(instance))
        {
            await WriteAsync(context, state.NotConnectedStatus, EngineErrors.NotConnected);
            return;
        }

        var (body, json) = await ReadJsonAsync(context);
        if (json is null)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, EngineErrors.Envelope("The body must be a JSON object"));
            return;
        }

        var number = Text(json, "number");
        var message = Text(json, "message");
        var mediaType = Text(json, "mediaType");
        var mediaUrl = Text(json, "mediaUrl");
        var problem = string.IsNullOrWhiteSpace(number) ? "number is required"
            : kind == FakeEngineSend.TextKind && string.IsNullOrEmpty(message) ? "message is required"
            : kind == FakeEngineSend.MediaKind && !s_mediaTypes.Contains(mediaType) ? "mediaType must be one of image, video, audio, document"
            : kind == FakeEngineSend.MediaKind && string.IsNullOrWhiteSpace(mediaUrl) ? "mediaUrl is required"
            : null;
        if (problem is not null)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, EngineErrors.Envelope(problem));
            return;
        }

        var send = new FakeEngineSend(
            kind, instance, number!, message, kind == FakeEngineSend.MediaKind ? mediaType : null, kind == FakeEngineSend.MediaKind ? mediaUrl : null,
            Text(json, "mimeType"), Text(json, "fileName"), Text(json, "source"), EngineState.NewMessageId(), body, DateTimeOffset.UtcNow)
        {
            ReplyTo = Text(json, "replyTo"),
        };
        state.Record(send);
        if (state.BeforeAnswer is { } beforeAnswer)
        {
            await beforeAnswer(send);
        }

        await WriteAsync(context, StatusCodes.Status200OK, EngineErrors.Sent(send.MessageId));
    }

    private static async Task ServeMediaAsync(HttpContext context, EngineState state)
    {
        if (context.Request.RouteValues["id"] is not string id || state.FindMedia(id) is not { } media)
        {
            await WriteAsync(context, StatusCodes.Status404NotFound, EngineErrors.Envelope("Media not found"));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = media.ContentType;
        context.Response.ContentLength = media.Content.Length;
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = media.FileName }.ToString();
        await context.Response.Body.WriteAsync(media.Content, context.RequestAborted);
    }

    /// <summary>The request body as received, and as a JSON object (null when it is not one).</summary>
    internal static async Task<(string Body, JsonObject? Json)> ReadJsonAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        try
        {
            return (body, JsonNode.Parse(body) as JsonObject);
        }
        catch (JsonException)
        {
            return (body, null);
        }
    }

    internal static Task WriteAsync(HttpContext context, int statusCode, string json) =>
        ChatwootReply.WriteAsync(context, statusCode, json, "application/json; charset=utf-8");

    internal static string? Text(JsonObject json, string name) =>
        json.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
