namespace RyzeApi.Application.Common.Options;

/// <summary>The Chatwoot module's behaviour settings (section <c>Chatwoot</c>).</summary>
public sealed class ChatwootModuleOptions
{
    public const string Section = "Chatwoot";

    public bool Enabled { get; set; } = true;

    /// <summary>The whole activation, Chatwoot calls and database writes included.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The best-effort live check of <c>GET /api/chatwoot/list</c>.</summary>
    public TimeSpan InfoCheckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The best-effort clearing of the inbox webhook URL on deactivation.</summary>
    public TimeSpan WebhookClearTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
