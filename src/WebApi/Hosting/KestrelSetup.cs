using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RyzeApi.WebApi.Hosting;

/// <summary>What Kestrel itself decides before the application sees a request (docs/operations.md,
/// "What the server rejects before the application").</summary>
public static class KestrelSetup
{
    /// <summary>Kestrel's default (8 KiB) answered a long path with a bare 414, before routing. With 64 KiB, any
    /// path a client plausibly sends reaches the application, which answers in the envelope (an instance name
    /// longer than 64 characters is a 400 naming its length).</summary>
    public const int MaxRequestLineBytes = 64 * 1024;

    /// <summary>Kestrel's default is 32 KiB; kept at least as large as the request line.</summary>
    public const int MaxRequestHeadersTotalBytes = 64 * 1024;

    public static void Configure(KestrelServerOptions options)
    {
        // "Server: Kestrel" only tells an attacker which stack to aim at.
        options.AddServerHeader = false;
        options.Limits.MaxRequestLineSize = MaxRequestLineBytes;
        options.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalBytes;
    }
}
