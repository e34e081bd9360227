using RyzeApi.Infrastructure.Chatwoot;

namespace RyzeApi.Infrastructure;

/// <summary>Whether the Chatwoot module can serve requests: enabled, with a public base URL to build
/// webhook URLs from and an encryption key for tokens. While not, every <c>/api/chatwoot/*</c> endpoint
/// answers 503 "integration gateway not configured".</summary>
public sealed class ChatwootModuleGate(
    IOptions<ChatwootModuleOptions> module, IOptions<RyzeApiOptions> server, IOptions<ChatwootInfrastructureOptions> security) : IChatwootModuleStatus
{
    public bool IsConfigured { get; } =
        module.Value.Enabled
        // Scheme checked too: on Unix "/path" parses as an absolute file:// URI, useless as a webhook base.
        && Uri.TryCreate(server.Value.PublicBaseUrl, UriKind.Absolute, out var publicBaseUrl)
        && (publicBaseUrl.Scheme == Uri.UriSchemeHttp || publicBaseUrl.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrWhiteSpace(security.Value.EncryptionKey);
}
