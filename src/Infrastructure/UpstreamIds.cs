namespace RyzeApi.Infrastructure;

/// <summary>Ids RyzeApi keeps from an upstream answer and sends back later (Chatwoot source ids, WhatsApp message
/// ids): stored in PostgreSQL and matched against later reports, so they must be printable and bounded.</summary>
internal static class UpstreamIds
{
    /// <summary>Longer than any id Chatwoot or the engine makes (UUIDs, <c>WAID:</c> ids, WhatsApp's 16 to 32 characters).</summary>
    public const int MaxLength = 255;

    public static bool IsUsable(string? value) =>
        value is { Length: > 0 and <= MaxLength } && !value.Any(c => char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c));
}
