namespace RyzeApi.Application.Outbox;

/// <summary>Exponential backoff with jitter for outbox retries: base × 2^(attempt−1), capped, then
/// scaled by a random factor in [0.5, 1) so retries of many rows after an outage do not arrive together.
/// (Retries of single HTTP calls inside an attempt are Polly's, in the HTTP clients' resilience handlers.)</summary>
public sealed class RetrySchedule(IOptions<RoutingOptions> options)
{
    private readonly RoutingOptions _options = options.Value;

    public TimeSpan DelayAfter(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var delay = Math.Min(_options.RetryMaxDelay.TotalMilliseconds, _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(delay * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }
}
