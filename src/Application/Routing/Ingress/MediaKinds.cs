namespace RyzeApi.Application.Routing.Ingress;

/// <summary>WhatsApp's media kinds and the content type each has when neither the engine nor the file's server says
/// it: without one the file would reach Chatwoot as a plain file, so a sticker would not show as an image nor a voice
/// note as audio.</summary>
internal static class MediaKinds
{
    private static readonly string[] s_kinds = ["image", "video", "audio", "document", "sticker", "ptt", "ptv"];

    public static bool IsMedia(string type) => s_kinds.Contains(type);

    /// <summary>A content type that says nothing of the file (storage services often serve one).</summary>
    public static bool IsUntyped(string contentType) =>
        contentType.Split(';')[0].Trim().ToLowerInvariant() is "application/octet-stream" or "binary/octet-stream" or "";

    public static string? DefaultMimeType(string mediaType) => mediaType switch
    {
        "image" => "image/jpeg",
        "sticker" => "image/webp",
        "video" or "ptv" => "video/mp4",
        "audio" or "ptt" => "audio/ogg",
        _ => null,
    };
}
