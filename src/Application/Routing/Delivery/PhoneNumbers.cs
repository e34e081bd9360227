namespace RyzeApi.Application.Routing.Delivery;

/// <summary>E.164 from a WhatsApp JID, for people only (a group or a LID has no phone number).</summary>
public static class PhoneNumbers
{
    public static string? E164(string jid)
    {
        var at = jid.IndexOf('@', StringComparison.Ordinal);
        var user = at < 0 ? jid : jid[..at];
        var domain = at < 0 ? "s.whatsapp.net" : jid[(at + 1)..];
        var colon = user.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            user = user[..colon]; // device suffix, as in 5511999999999:12@s.whatsapp.net
        }

        return domain is "s.whatsapp.net" or "c.us" && user.Length is >= 7 and <= 15 && user.All(char.IsAsciiDigit)
            ? "+" + user
            : null;
    }
}
