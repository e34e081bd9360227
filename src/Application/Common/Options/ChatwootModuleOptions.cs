namespace RyzeApi.Application.Common.Options;

/// <summary>The Chatwoot module's behaviour settings (section <c>Chatwoot</c>).</summary>
/// <remarks>Each timeout arms a cancellation timer, which refuses a negative time and anything past 24.8 days.</remarks>
public sealed class ChatwootModuleOptions
{
    public const string Section = "Chatwoot";

    public bool Enabled { get; set; } = true;

    /// <summary>The whole activation, Chatwoot calls and database writes included.</summary>
    [Duration("Chatwoot__ActivationTimeout", "00:00:00.001", "24.00:00:00")]
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The best-effort live check of <c>GET /api/chatwoot/list</c>.</summary>
    [Duration("Chatwoot__InfoCheckTimeout", "00:00:00.001", "24.00:00:00")]
    public TimeSpan InfoCheckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The best-effort clearing of the inbox webhook URL on deactivation.</summary>
    [Duration("Chatwoot__WebhookClearTimeout", "00:00:00.001", "24.00:00:00")]
    public TimeSpan WebhookClearTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Generated from the attributes on <see cref="ChatwootModuleOptions"/>.</summary>
[OptionsValidator]
public sealed partial class ChatwootModuleOptionsValidator : IValidateOptions<ChatwootModuleOptions>;
