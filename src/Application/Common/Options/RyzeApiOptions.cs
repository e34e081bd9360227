namespace RyzeApi.Application.Common.Options;

/// <summary>Server-wide settings (section <c>RyzeApi</c>).</summary>
public sealed class RyzeApiOptions
{
    public const string Section = "RyzeApi";

    /// <summary>How Chatwoot reaches this server; inbox webhook URLs are built from it.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>At start-up an account with this TokenAccount is made to exist.</summary>
    public string? BootstrapAccountToken { get; set; }
}
