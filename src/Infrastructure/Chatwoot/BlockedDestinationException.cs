using System.Net;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>The SSRF guard refused to connect to <see cref="Address"/>.</summary>
internal sealed class BlockedDestinationException(string host, IPAddress address)
    : Exception($"{host} resolves to {address}, a loopback, private, link-local or metadata address")
{
    public string Host { get; } = host;

    public IPAddress Address { get; } = address;
}
