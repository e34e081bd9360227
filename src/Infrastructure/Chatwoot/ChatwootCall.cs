namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>One outbound request, described for error messages (never holds the token).</summary>
internal sealed record ChatwootCall(string Method, string BaseUrl, long AccountId, string Path)
{
    public string Url => BaseUrl + Path;
}
