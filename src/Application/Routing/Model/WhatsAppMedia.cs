namespace RyzeApi.Application.Routing.Model;

/// <summary>Media of a WhatsApp message: inline base64, or a URL RyzeApi downloads (size-capped).</summary>
public sealed record WhatsAppMedia(string Type, string? Url, string? Base64, string? MimeType, string? FileName, string? Caption);
