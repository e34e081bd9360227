namespace RyzeApi.Application.Common.Options;

/// <summary>Message routing: outbox workers, retries, media (section <c>Routing</c>).</summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>Run outbox workers in this process (turn off for an ingress-only replica).</summary>
    public bool WorkersEnabled { get; set; } = true;

    /// <summary>Worker loops per process; each claims its own batch.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Attempts per unit of work before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The first retry delay; it doubles per attempt (with jitter) up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claimed row stays with its worker; a crashed worker's rows come back after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Rows claimed per query.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Chats delivered at the same time by one process.</summary>
    public int Parallelism { get; set; } = 32;

    /// <summary>How often idle workers look for work recorded by other processes or due for retry.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Least time between two claims of this process: under load, work that arrives meanwhile is claimed
    /// together, in one query; after a quiet spell, a claim goes at once.</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long delivered rows are kept to recognise a repeated webhook or event.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Largest media file downloaded for Chatwoot.</summary>
    public long MediaMaxBytes { get; set; } = 16 * 1024 * 1024;

    public TimeSpan MediaDownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
