using Microsoft.Extensions.Options;
using RyzeApi.Application.Common.Options;

namespace RyzeApi.WebApi.RateLimiting;

/// <summary>Requests per window for each policy (section <c>RateLimiting</c>). .NET's limiter refuses a limit
/// below 1, and a window under a millisecond would divide by zero: both would fail every request.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimiting";

    /// <summary>Every endpoint not listed below: 100 a minute per token (per IP without a valid token).</summary>
    [AtLeast("RateLimiting__GlobalPermitLimit", 1)]
    public int GlobalPermitLimit { get; set; } = 100;

    /// <summary><c>POST /api/instance/new</c>: 20 a minute per token.</summary>
    [AtLeast("RateLimiting__InstanceCreatePermitLimit", 1)]
    public int InstanceCreatePermitLimit { get; set; } = 20;

    /// <summary>Chatwoot webhooks and engine events, per integration or token: far higher, traffic is bursty.</summary>
    [AtLeast("RateLimiting__IngressPermitLimit", 1)]
    public int IngressPermitLimit { get; set; } = 6000;

    [Duration("RateLimiting__Window", "00:00:00.001", "365.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Generated from the attributes on <see cref="RateLimitSettings"/>.</summary>
[OptionsValidator]
public sealed partial class RateLimitSettingsValidator : IValidateOptions<RateLimitSettings>;
