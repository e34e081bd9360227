namespace RyzeApi.Application.Routing.Model;

/// <summary>A WhatsApp message as RyzeApi routes it, normalised from either layout of the engine's
/// <c>message.exchange</c> event. Stored as the outbox payload.</summary>
public sealed record WhatsAppMessage(
    string Id,
    string ChatJid,
    string? ChatName,
    bool IsGroup,
    string? SenderJid,
    string? SenderName,
    bool FromMe,
    string Kind,
    string? Text,
    WhatsAppMedia? Media,
    string? EditedId)
{
    public const string KindText = "text";
    public const string KindMedia = "media";
    public const string KindEdit = "edit";
    public const string KindRevoke = "revoke";
}
