using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>Sets a message's inline media apart from its outbox payload: the bytes (up to tens of MiB) are stored
/// beside the row and read only by the delivery that posts them, not by every claim of the row's batch.</summary>
public static class InlineMedia
{
    public static WhatsAppMessage SetApart(WhatsAppMessage message)
    {
        if (message.Media is not { Base64: { Length: > 0 } base64 } media)
        {
            return message;
        }

        return TryDecode(base64) is { } bytes
            ? message with { Media = media with { Base64 = null, StoredApart = true }, MediaBytes = bytes }
            : message with { Media = media with { Base64 = null, Base64Invalid = true } };
    }

    /// <summary>The bytes of plain base64 or of a <c>data:</c> URL; null when it does not decode.</summary>
    public static byte[]? TryDecode(string base64)
    {
        var comma = base64.StartsWith("data:", StringComparison.Ordinal) ? base64.IndexOf(',', StringComparison.Ordinal) : -1;
        try
        {
            return Convert.FromBase64String(base64[(comma + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
