using System.Globalization;
using Microsoft.Extensions.Options;

namespace RyzeApi.WebApi.RateLimiting;

/// <summary>Counts requests per token (per IP without a valid token) in fixed windows aligned to the clock, in
/// PostgreSQL so that every replica counts into one window (<see cref="SharedRateLimiter"/>), and writes
/// <c>X-RateLimit-*</c> on every response. ASP.NET Core's rate-limiting middleware hides the lease from successful
/// requests and counts per process, so it cannot. Runs after authentication (to know the token) and before
/// authorization (429 comes before 401/403).</summary>
public sealed class RateLimitMiddleware(RequestDelegate next, IOptions<RateLimitSettings> settings, TimeProvider time, SharedRateLimiter limiter)
{
    public const string ExceededMessage = "Rate limit exceeded. Try again later.";

    private readonly RateLimitSettings _settings = settings.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        // Probes and scrapes are not the callers the limits are for.
        if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/metrics"))
        {
            await next(context);
            return;
        }

        var policy = RateLimitPolicy.For(context, _settings);
        var windowMs = (long)_settings.Window.TotalMilliseconds;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = nowMs / windowMs;
        var decision = await limiter.AcquireAsync(policy, window, _settings.Window, context.RequestAborted);

        var resetMs = (window + 1) * windowMs;
        var limit = policy.PermitLimit.ToString(CultureInfo.InvariantCulture);
        var left = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        var reset = (resetMs / 1000).ToString(CultureInfo.InvariantCulture);
        // Set again just before the response starts: the exception handler clears headers when it
        // rewrites an error, and the contract puts these on every response.
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h["X-RateLimit-Limit"] = limit;
            h["X-RateLimit-Remaining"] = left;
            h["X-RateLimit-Reset"] = reset;
            return Task.CompletedTask;
        });

        if (!decision.Allowed)
        {
            var retryAfter = Math.Max(1, (resetMs - nowMs + 999) / 1000);
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await EnvelopeWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, ExceededMessage);
            return;
        }

        await next(context);
    }
}
