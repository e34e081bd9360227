using System.Text.Json;
using System.Text.RegularExpressions;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>The one place that turns a Chatwoot answer or transport failure into the documented error
/// classes, message text included, with the raw root cause after <c>Detail:</c>. Real Chatwoot 4.x
/// answers a valid non-admin token with 401 "You are not authorized to do this action", so 401s are
/// classified by body as well as status.</summary>
internal static class ChatwootFailureClassifier
{
    private const int MaxBodyInDetail = 500;

    // "secret": "…", "hmac_token": "…", "webhook_url": "…" (and the other tokens an inbox or user answer carries).
    private static readonly Regex s_secretValues = new(
        "(\"(?:secret|hmac_token|webhook_url|pubsub_token|access_token|api_access_token)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly string[] s_permissionErrors =
    [
        "You are not authorized to do this action",
        "You are not authorized to access this account",
        "Account is suspended",
    ];

    public static Exception FromResponse(ChatwootCall call, int status, string body, string? location = null)
    {
        var detail = $"{call.Url} HTTP {status}: {Shorten(body)}";
        if (status is >= 300 and < 400)
        {
            detail += $" (redirect to {location ?? "an unknown location"} not followed)";
        }

        return status switch
        {
            401 when IsPermissionError(body) => Denied(call, detail, status),
            401 => new UpstreamRejectedException(
                UpstreamFailureKind.CredentialsRejected,
                $"Chatwoot rejected the API token - verify chatwootApiToken. Detail: {detail}", status),
            403 => Denied(call, detail, status),
            >= 500 => AnsweredWithError(call, detail, status),
            404 or < 400 => NotFound(call, detail, status),
            _ => new UpstreamRejectedException(
                UpstreamFailureKind.RequestInvalid,
                $"Chatwoot rejected the request as invalid - fix what Chatwoot names in the detail (e.g. inboxName) and retry. Detail: {detail}", status),
        };
    }

    /// <summary>A 2xx answer that is not the Chatwoot API (HTML, not JSON, wrong shape). The body may be a whole
    /// inbox, so its secrets (the webhook URL holds RyzeApi's webhook secret) are left out of the detail.</summary>
    public static Exception NotChatwoot(ChatwootCall call, int status, string body, string reason) =>
        NotFound(call, $"{call.Url} HTTP {status}: {reason}: {Shorten(s_secretValues.Replace(body, "$1\"[redacted]\""))}", status);

    public static Exception FromTransport(ChatwootCall call, Exception exception) =>
        Unreachable(call, $"{GoMethod(call.Method)} \"{call.Url}\": {Describe(exception)}", exception);

    private static UpstreamRejectedException Denied(ChatwootCall call, string detail, int status) => new(
        UpstreamFailureKind.AccessDenied,
        $"Chatwoot denied the request - verify the API token has admin scope on account {call.AccountId}. Detail: {detail}", status);

    private static UpstreamRejectedException NotFound(ChatwootCall call, string detail, int status) => new(
        UpstreamFailureKind.EndpointNotFound,
        $"Chatwoot account or endpoint not found - verify chatwootBaseUrl ({call.BaseUrl}) and chatwootAccountId ({call.AccountId}). Detail: {detail}", status);

    /// <summary>Chatwoot (or the proxy in front of it) answered, with a server error: not "unreachable", which
    /// would send the user looking at the network (docs/adr/0017-chatwoot-5xx-is-not-unreachable.md).</summary>
    private static UpstreamUnavailableException AnsweredWithError(ChatwootCall call, string detail, int status) => new(
        $"Chatwoot answered with an error at {call.BaseUrl} (HTTP {status}) - retry later; if it persists, check the Chatwoot server's logs. Detail: {detail}");

    private static UpstreamUnavailableException Unreachable(ChatwootCall call, string detail, Exception? inner = null) => new(
        $"Chatwoot is unreachable at {call.BaseUrl} - verify chatwootBaseUrl and that the host is reachable from the server. Detail: {detail}", inner);

    private static bool IsPermissionError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                && s_permissionErrors.Contains(error.GetString(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that is not valid text (a lone surrogate escape): not one of Chatwoot's errors.
            return false;
        }
    }

    /// <summary>The transport error chain, outermost first, without repeats: e.g. "Connection refused (127.0.0.1:9)".</summary>
    private static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var text = e is OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                ? $"no answer in time ({e.Message})"
                : e.Message;
            if (!parts.Any(p => p.Contains(text, StringComparison.Ordinal)))
            {
                parts.Add(text);
            }
        }

        return string.Join(": ", parts);
    }

    // Go's spelling, as docs/api/en/chatwoot-activate.md's examples show it: Post "https://…": dial tcp …
    private static string GoMethod(string method) => method[..1].ToUpperInvariant() + method[1..].ToLowerInvariant();

    private static string Shorten(string body)
    {
        var trimmed = body.Trim();
        return trimmed.Length <= MaxBodyInDetail ? trimmed : trimmed[..MaxBodyInDetail] + "…";
    }
}
