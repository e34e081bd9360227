namespace RyzeApi.Application.Routing.Delivery;

/// <summary>File names and WhatsApp media types for files that come without them.</summary>
public static class MediaNames
{
    public static string DefaultFileName(string mediaType, string? mimeType)
    {
        var extension = mimeType switch
        {
            "image/jpeg" => "jpg",
            "image/png" => "png",
            "image/webp" => "webp",
            "video/mp4" => "mp4",
            "audio/ogg" or "audio/ogg; codecs=opus" => "ogg",
            "audio/mpeg" => "mp3",
            "application/pdf" => "pdf",
            _ => mediaType switch { "image" => "jpg", "video" => "mp4", "audio" or "ptt" => "ogg", "sticker" => "webp", _ => "bin" },
        };
        return $"{mediaType}.{extension}";
    }

    /// <summary>The engine's media type for a Chatwoot attachment's file type.</summary>
    public static string EngineMediaType(string chatwootFileType) => chatwootFileType switch
    {
        "image" => "image",
        "video" => "video",
        "audio" => "audio",
        _ => "document",
    };
}
