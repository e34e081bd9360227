using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RyzeApi.WebApi.RateLimiting;

/// <summary>Counts requests per token (per IP without a valid token) in fixed windows aligned to the
/// clock, with .NET's <see cref="PartitionedRateLimiter"/>. ASP.NET Core's rate-limiting middleware
/// hides the lease from successful requests, so it cannot emit <c>X-RateLimit-Remaining</c> on every
/// response; this middleware drives the same limiter itself. Runs after authentication (to know the
/// token) and before authorization (429 comes before 401/403).</summary>
public sealed class RateLimitMiddleware : IDisposable
{
    public const string ExceededMessage = "Rate limit exceeded. Try again later.";
    private const string PolicyKey = "ryzeapi.ratelimit.policy";

    private readonly RequestDelegate _next;
    private readonly RateLimitSettings _settings;
    private readonly TimeProvider _time;
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public RateLimitMiddleware(RequestDelegate next, IOptions<RateLimitSettings> settings, TimeProvider time)
    {
        _next = next;
        _settings = settings.Value;
        _time = time;
        // The window index is part of the partition key: each window gets a fresh limiter, so the
        // reset time is exact, and limiters of past windows fall idle and are dropped by the partitioner.
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var (policy, window) = ((RateLimitPolicy, long))context.Items[PolicyKey]!;
            return RateLimitPartition.GetFixedWindowLimiter($"{policy.Name}|{policy.Partition}|{window}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = policy.PermitLimit,
                Window = _settings.Window,
                QueueLimit = 0,
            });
        });
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            await _next(context);
            return;
        }

        var policy = RateLimitPolicy.For(context, _settings);
        var windowMs = (long)_settings.Window.TotalMilliseconds;
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = nowMs / windowMs;
        context.Items[PolicyKey] = (policy, window);

        using var lease = _limiter.AttemptAcquire(context);
        var remaining = _limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0;
        var resetMs = (window + 1) * windowMs;
        var headers = context.Response.Headers;
        var limit = policy.PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var left = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reset = (resetMs / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
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

        if (!lease.IsAcquired)
        {
            var retryAfter = Math.Max(1, (resetMs - nowMs + 999) / 1000);
            headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await EnvelopeWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, ExceededMessage);
            return;
        }

        await _next(context);
    }

    public void Dispose() => _limiter.Dispose();
}
