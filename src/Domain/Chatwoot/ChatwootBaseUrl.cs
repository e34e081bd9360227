namespace RyzeApi.Domain.Chatwoot;

/// <summary>Normalises a Chatwoot installation URL: absolute http/https (RFC 3986), no trailing '/'.</summary>
public static class ChatwootBaseUrl
{
    public static bool TryNormalize(string? value, out string normalized)
    {
        normalized = string.Empty;
        // .NET's parser is more lenient than RFC 3986: it escapes spaces and control characters and reads
        // '\' as '/'. Such input would be stored verbatim, so it is refused before parsing.
        if (string.IsNullOrEmpty(value) || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\'))
        {
            return false;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo)
            || !HasPlainAuthority(value, uri.Scheme))
        {
            return false;
        }

        normalized = value.TrimEnd('/');
        return true;
    }

    /// <summary>Whether the text, as the user wrote it, is <c>scheme://authority</c> with no '@' in the
    /// authority: an empty userinfo ("https://@host") parses to no <see cref="Uri.UserInfo"/> at all.</summary>
    private static bool HasPlainAuthority(string value, string scheme)
    {
        var prefix = scheme + "://";
        if (!value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var end = value.IndexOf('/', prefix.Length);
        var authority = end < 0 ? value.AsSpan(prefix.Length) : value.AsSpan(prefix.Length, end - prefix.Length);
        return !authority.Contains('@');
    }
}
