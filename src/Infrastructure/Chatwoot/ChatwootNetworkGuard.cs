using System.Net;
using System.Net.Sockets;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>The optional SSRF guard (<c>Chatwoot__BlockPrivateNetworks</c>). It checks the addresses the
/// socket actually connects to, after DNS, so a name that resolves to a private address (or is rebound
/// to one) is refused too. Hosts in <c>Chatwoot__AllowedHosts</c> are exempt.</summary>
internal sealed class ChatwootNetworkGuard(IEnumerable<string> allowedHosts)
{
    private readonly HashSet<string> _allowedHosts = new(allowedHosts, StringComparer.OrdinalIgnoreCase);

    /// <summary>The guard <paramref name="options"/> ask for, or null when it is off.</summary>
    public static ChatwootNetworkGuard? For(ChatwootInfrastructureOptions options) =>
        options.BlockPrivateNetworks ? new ChatwootNetworkGuard(options.AllowedHosts) : null;

    /// <summary>A connection handler that connects through <paramref name="guard"/> when there is one (and then never
    /// through a proxy, which would connect for it), following at most <paramref name="redirects"/> redirects.</summary>
    public static SocketsHttpHandler Handler(ChatwootNetworkGuard? guard, int redirects) => new()
    {
        AllowAutoRedirect = redirects > 0,
        MaxAutomaticRedirections = Math.Max(redirects, 1),
        UseProxy = guard is null,
        ConnectCallback = guard is null ? null : guard.ConnectAsync,
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!_allowedHosts.Contains(host) && addresses.FirstOrDefault(IsBlocked) is { } blocked)
        {
            throw new BlockedDestinationException(host, blocked);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static bool IsBlocked(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // Link-local, site-local and unique-local (fc00::/7, which holds fd00:ec2::254, AWS's metadata).
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 0
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) // link-local, including 169.254.169.254 (cloud metadata)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127); // carrier-grade NAT
    }
}
