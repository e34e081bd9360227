using Microsoft.AspNetCore.Http;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>The parameters of <c>POST …/messages</c> as Rails sees them, from a JSON body or a
/// multipart/form-data one (<c>attachments[]</c> files beside the fields). Null when the body cannot be parsed.
/// <see cref="Reply"/> is what <c>content_attributes</c> asked to reply to.</summary>
internal sealed record MessageParams(
    string? Content, string? MessageType, string? Private, string? SourceId, IReadOnlyList<FakeFile> Files, ReplyParams? Reply = null)
{
    public static async Task<MessageParams?> ReadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            if (await ChatwootParams.ReadAsync(context) is not { } json)
            {
                return null;
            }

            ChatwootParams.TryScalar(json, "content", out var content);
            ChatwootParams.TryScalar(json, "message_type", out var messageType);
            ChatwootParams.TryScalar(json, "private", out var isPrivate);
            ChatwootParams.TryScalar(json, "source_id", out var sourceId);
            return new MessageParams(content, messageType, isPrivate, sourceId, [], ReplyParams.FromJson(json));
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }

        var files = new List<FakeFile>();
        foreach (var file in form.Files.Where(f => f.Name is "attachments[]" or "attachments"))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, context.RequestAborted);
            files.Add(new FakeFile(file.FileName, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, buffer.ToArray()));
        }

        return new MessageParams(
            Field(form, "content"), Field(form, "message_type"), Field(form, "private"), Field(form, "source_id"), files, ReplyParams.FromForm(form));
    }

    private static string? Field(IFormCollection form, string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
}
