namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>The Chatwoot module's security and transport settings (section <c>Chatwoot</c>).</summary>
public sealed class ChatwootInfrastructureOptions
{
    /// <summary>Base64 of 32 bytes: the AES-256-GCM key for Chatwoot tokens.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>Older keys that still decrypt during a rotation.</summary>
    public List<string> PreviousEncryptionKeys { get; } = [];

    /// <summary>Refuse loopback, private, link-local and metadata addresses (off: self-hosted Chatwoot is usually private).</summary>
    public bool BlockPrivateNetworks { get; set; }

    /// <summary>Hosts exempt from <see cref="BlockPrivateNetworks"/>.</summary>
    public List<string> AllowedHosts { get; } = [];
}
