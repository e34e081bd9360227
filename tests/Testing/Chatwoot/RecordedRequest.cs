namespace RyzeApi.Testing.Chatwoot;

/// <summary>One request exactly as the fake received it, recorded before any scripted fault or handler ran,
/// so a test can assert what was sent even when the answer was a fault or the connection was dropped.
/// Header names are case-insensitive; repeated headers are joined with commas.</summary>
public sealed class RecordedRequest(
    string method, string path, string queryString, IReadOnlyDictionary<string, string> headers, string body)
{
    public string Method { get; } = method;

    /// <summary>The path without the query string, e.g. <c>/api/v1/accounts/1/inboxes</c>.</summary>
    public string Path { get; } = path;

    /// <summary>Empty, or the query string with its leading <c>?</c>.</summary>
    public string QueryString { get; } = queryString;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    /// <summary>The body as UTF-8 text; empty when there was none.</summary>
    public string Body { get; } = body;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The <c>Content-Length</c> header, when the request had one.</summary>
    public long? ContentLength => long.TryParse(Header("Content-Length"), out var length) ? length : null;

    /// <summary>Whether the body came with <c>Transfer-Encoding: chunked</c> (so without a length up front).</summary>
    public bool IsChunked => Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>How long the fake took over it, from its arrival to the end of its answer (faults and their delays
    /// included); null while it is still being handled. Lets a benchmark subtract the fake's own time.</summary>
    public TimeSpan? HandledIn { get; internal set; }

    public override string ToString() => $"{Method} {Path}{QueryString}";
}
