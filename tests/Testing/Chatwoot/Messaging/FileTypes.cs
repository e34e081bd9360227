namespace RyzeApi.Testing.Chatwoot;

/// <summary>FileTypeHelper#file_type: the attachment's <c>file_type</c> from the upload's content type.</summary>
internal static class FileTypes
{
    private static readonly string[] s_images = ["image/jpeg", "image/png", "image/gif", "image/bmp", "image/webp"];
    private static readonly string[] s_videos = ["video/ogg", "video/mp4", "video/webm", "video/quicktime"];

    public static string Of(string? contentType)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return s_images.Contains(type) ? "image"
            : s_videos.Contains(type) ? "video"
            : type?.Contains("audio/", StringComparison.Ordinal) == true ? "audio"
            : "file";
    }
}
