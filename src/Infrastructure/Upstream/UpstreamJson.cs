using System.Text.Json.Serialization;
using Refit;

namespace RyzeApi.Infrastructure.Upstream;

internal static class UpstreamJson
{
    /// <summary>Refit on a source-generated context (no reflection-based JSON). Bodies are serialized to a buffer
    /// first, so requests carry a Content-Length instead of chunked transfer encoding, which some reverse proxies in
    /// front of self-hosted Chatwoot refuse with 411 Length Required.</summary>
    public static RefitSettings Settings(JsonSerializerContext context)
    {
        var settings = RefitSettings.ForJsonContext(context);
        settings.Buffered = true;
        return settings;
    }
}
