using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Delivery;

/// <summary>E.164 from a WhatsApp JID, for people only (a group or a LID has no phone number).</summary>
public static class PhoneNumbers
{
    public static string? E164(string jid) =>
        PersonSpellings.PhoneJid(jid) is { } phoneJid ? "+" + phoneJid[..phoneJid.IndexOf('@', StringComparison.Ordinal)] : null;
}
