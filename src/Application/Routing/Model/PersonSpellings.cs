namespace RyzeApi.Application.Routing.Model;

/// <summary>The spellings of one WhatsApp person: a phone number's JID (<c>5511999999999</c>,
/// <c>…@s.whatsapp.net</c>, <c>…@c.us</c>, with or without a device suffix) and a LID (<c>&lt;digits&gt;@lid</c>),
/// a private identity that hides the number. Each is normalised so that one person's spellings compare equal.</summary>
public static class PersonSpellings
{
    private const string LidDomain = "@lid";

    /// <summary><c>&lt;digits&gt;@s.whatsapp.net</c> for a phone number's JID; null for a LID, a group or anything else.</summary>
    public static string? PhoneJid(string? jid)
    {
        var (user, domain) = Split(jid);
        return domain is "s.whatsapp.net" or "c.us" && user.Length is >= 7 and <= 15 && user.All(char.IsAsciiDigit)
            ? user + "@s.whatsapp.net"
            : null;
    }

    /// <summary>The LID without a device suffix, or null when <paramref name="jid"/> is not one.</summary>
    public static string? Lid(string? jid)
    {
        var (user, domain) = Split(jid);
        return domain == "lid" && user.Length > 0 ? user + LidDomain : null;
    }

    private static (string User, string Domain) Split(string? jid)
    {
        if (string.IsNullOrWhiteSpace(jid))
        {
            return (string.Empty, string.Empty);
        }

        jid = jid.Trim();
        var at = jid.IndexOf('@', StringComparison.Ordinal);
        var user = at < 0 ? jid : jid[..at];
        var domain = at < 0 ? "s.whatsapp.net" : jid[(at + 1)..];
        var colon = user.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? user[..colon] : user, domain);
    }
}
