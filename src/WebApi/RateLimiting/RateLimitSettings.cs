namespace RyzeApi.WebApi.RateLimiting;

/// <summary>Requests per window for each policy (section <c>RateLimiting</c>).</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimiting";

    /// <summary>Every endpoint not listed below: 100 a minute per token (per IP without a valid token).</summary>
    public int GlobalPermitLimit { get; set; } = 100;

    /// <summary><c>POST /api/instance/new</c>: 20 a minute per token.</summary>
    public int InstanceCreatePermitLimit { get; set; } = 20;

    /// <summary>Chatwoot webhooks and engine events, per integration or token: far higher, traffic is bursty.</summary>
    public int IngressPermitLimit { get; set; } = 6000;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
