using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>ActiveStorage's routes for attachments: an attachment's <c>data_url</c> is the blob's redirect URL,
/// which answers 302 to the disk service's URL, which serves the bytes. No token is needed; an unknown key is a 404.</summary>
internal static class BlobEndpoints
{
    public const string RedirectPrefix = "/rails/active_storage/blobs/redirect/";
    public const string DiskPrefix = "/rails/active_storage/disk/";

    public static void Map(IEndpointRouteBuilder routes, FakeChatwootState state)
    {
        routes.MapGet(RedirectPrefix + "{key}/{*fileName}", context => RedirectAsync(context, state));
        routes.MapGet(DiskPrefix + "{key}/{*fileName}", context => ServeAsync(context, state));
    }

    private static Task RedirectAsync(HttpContext context, FakeChatwootState state)
    {
        if (Find(context, state) is not { } attachment)
        {
            return ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.RouteNotFound);
        }

        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = $"{state.BaseUrl}{DiskPrefix}{attachment.BlobKey}/{Uri.EscapeDataString(attachment.FileName)}";
        return Task.CompletedTask;
    }

    private static async Task ServeAsync(HttpContext context, FakeChatwootState state)
    {
        if (Find(context, state) is not { } attachment)
        {
            await ChatwootReply.JsonAsync(context, StatusCodes.Status404NotFound, ChatwootErrors.RouteNotFound);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = attachment.ContentType;
        context.Response.ContentLength = attachment.Length;
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline")
        {
            FileNameStar = attachment.FileName,
        }.ToString();
        await context.Response.Body.WriteAsync(attachment.Content, context.RequestAborted);
    }

    private static FakeAttachment? Find(HttpContext context, FakeChatwootState state) =>
        context.Request.RouteValues["key"] is string key ? state.Messaging.FindBlob(key) : null;
}
