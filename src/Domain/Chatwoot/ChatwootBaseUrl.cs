using System.Globalization;

namespace RyzeApi.Domain.Chatwoot;

/// <summary>Normalises a Chatwoot installation URL: absolute http/https (RFC 3986), no trailing '/'.</summary>
public static class ChatwootBaseUrl
{
    public static bool TryNormalize(string? value, out string normalized)
    {
        normalized = string.Empty;
        if (value is null || Fault(value) is not null)
        {
            return false;
        }

        normalized = value.TrimEnd('/');
        return true;
    }

    /// <summary>What is wrong with <paramref name="value"/> as a Chatwoot URL ("contains a space at position 9",
    /// "has a query (?...)"), or null when it is one.</summary>
    public static string? Fault(string value)
    {
        if (value.Length == 0)
        {
            return "is empty";
        }

        // .NET's parser is more lenient than RFC 3986: it escapes spaces and control characters and reads
        // '\' as '/'. Such input would be stored verbatim, so it is refused before parsing.
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var at = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (char.IsControl(c))
            {
                return $"contains a control character (U+{(int)c:X4}) at position {at}";
            }

            if (char.IsWhiteSpace(c))
            {
                return c == ' ' ? $"contains a space at position {at}" : $"contains a white-space character (U+{(int)c:X4}) at position {at}";
            }

            if (c == '\\')
            {
                return $"contains a backslash at position {at}";
            }
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return "is not an absolute URL";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"has the scheme {uri.Scheme}, not http or https";
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            return "has no host";
        }

        if (!string.IsNullOrEmpty(uri.Query))
        {
            return "has a query (?...)";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "has a fragment (#...)";
        }

        var prefix = uri.Scheme + "://";
        if (!value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return $"does not start with {prefix}";
        }

        // An empty userinfo ("https://@host") parses to no Uri.UserInfo at all: look at the text as written.
        var end = value.IndexOf('/', prefix.Length);
        var authority = end < 0 ? value.AsSpan(prefix.Length) : value.AsSpan(prefix.Length, end - prefix.Length);
        return !string.IsNullOrEmpty(uri.UserInfo) || authority.Contains('@') ? "has user information (an '@' before the host)" : null;
    }
}
