namespace RyzeApi.Application.Routing.Model;

/// <summary>Media of a WhatsApp message: a URL RyzeApi downloads (size-capped), or bytes the engine sent inline.</summary>
/// <param name="Base64">The engine's inline base64, until ingress sets the bytes apart (rows recorded before that
/// still carry it).</param>
/// <param name="StoredApart">The inline bytes are stored beside the outbox row.</param>
/// <param name="Base64Invalid">The engine sent inline base64 that does not decode.</param>
public sealed record WhatsAppMedia(
    string Type, string? Url, string? Base64, string? MimeType, string? FileName, string? Caption, bool StoredApart = false, bool Base64Invalid = false);
