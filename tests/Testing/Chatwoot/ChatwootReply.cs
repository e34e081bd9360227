using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Writes answers the way Rails does: JSON as <c>application/json; charset=utf-8</c>.</summary>
internal static class ChatwootReply
{
    // Rails writes apostrophes and non-ASCII text as they are ("Name can't be blank").
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task JsonAsync(HttpContext context, int statusCode, string json) =>
        WriteAsync(context, statusCode, json, FakeFault.JsonContentType);

    public static Task JsonAsync(HttpContext context, int statusCode, JsonNode json) =>
        JsonAsync(context, statusCode, json.ToJsonString(JsonOptions));

    public static Task WriteAsync(HttpContext context, int statusCode, string body, string contentType)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
