namespace RyzeApi.Testing.Chatwoot;

/// <summary>Rack::Attack's <c>/api/v1/accounts/:account_id/contacts/search</c> throttle
/// (config/initializers/rack_attack.rb): <c>RATE_LIMIT_CONTACT_SEARCH</c> (100) requests per account in each fixed
/// one-minute window, counted before authentication; the next ones get 429 <c>Retry later</c>.</summary>
internal sealed class ContactSearchThrottle
{
    public const int DefaultLimit = 100;
    public const string Body = "Retry later\n";
    public const string ContentType = "text/plain";

    private readonly Lock _lock = new();
    private readonly Dictionary<(long Account, long Window), int> _counts = [];

    /// <summary>Requests allowed per account and minute; null turns the throttle off.</summary>
    public int? Limit { get; set; } = DefaultLimit;

    /// <summary>Counts the request; false when it is over the limit.</summary>
    public bool TryAcquire(long accountId)
    {
        var window = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60;
        lock (_lock)
        {
            _counts.TryGetValue((accountId, window), out var count);
            _counts[(accountId, window)] = ++count;
            foreach (var stale in _counts.Keys.Where(k => k.Window < window).ToList())
            {
                _counts.Remove(stale);
            }

            return Limit is not { } limit || count <= limit;
        }
    }

    /// <summary>Starts every account's window afresh.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _counts.Clear();
        }
    }
}
