using RyzeApi.Infrastructure.Chatwoot;

namespace RyzeApi.Infrastructure.Security;

/// <summary>The primary handlers of the clients whose destinations users choose: Chatwoot base URLs, and media URLs
/// in engine events, which any holder of an instance token can post. With <c>Chatwoot__BlockPrivateNetworks</c> on,
/// every connection of both, redirects included, goes through one <see cref="ChatwootNetworkGuard"/>.</summary>
internal sealed class OutboundConnections(IOptions<ChatwootInfrastructureOptions> options)
{
    private readonly ChatwootNetworkGuard? _guard = options.Value.BlockPrivateNetworks ? new ChatwootNetworkGuard(options.Value.AllowedHosts) : null;

    /// <summary>A connection handler following at most <paramref name="redirects"/> redirects (none when 0).</summary>
    public SocketsHttpHandler CreateHandler(int redirects) => new()
    {
        AllowAutoRedirect = redirects > 0,
        MaxAutomaticRedirections = Math.Max(redirects, 1),
        // The guard opens the socket itself, to the address it checked; a proxy would connect elsewhere.
        UseProxy = _guard is null,
        ConnectCallback = _guard is null ? null : _guard.ConnectAsync,
    };
}
