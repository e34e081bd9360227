using System.ComponentModel.DataAnnotations;

namespace RyzeApi.Application.Common.Options;

/// <summary>Message routing: outbox workers, retries, media (section <c>Routing</c>). Validated at start-up by
/// <see cref="RoutingOptionsValidator"/>; each message names the setting as an operator writes it.</summary>
public sealed class RoutingOptions : IValidatableObject
{
    public const string Section = "Routing";

    /// <summary>Run outbox workers in this process (turn off for an ingress-only replica).</summary>
    public bool WorkersEnabled { get; set; } = true;

    /// <summary>Worker loops per process; each claims its own batch.</summary>
    [AtLeast("Routing__Workers", 1)]
    public int Workers { get; set; } = 4;

    /// <summary>Database connections each of the outbox's two group-commit writers (what ingress records; what
    /// workers record) uses at once. With <see cref="Workers"/> it must leave room in the connection pool.</summary>
    [Between("Routing__WriteConnections", 1, 64)]
    public int WriteConnections { get; set; } = 4;

    /// <summary>Attempts per unit of work before it is marked failed.</summary>
    [AtLeast("Routing__MaxAttempts", 1)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The first retry delay; it doubles per attempt (with jitter) up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claimed row stays with its worker; a crashed worker's rows come back after it. Leases are
    /// renewed every third of it while a batch is delivered, so it bounds recovery, not delivery time
    /// (docs/adr/0028-short-leases-renewed-while-work-runs.md).</summary>
    [Duration("Routing__LeaseDuration", "00:00:01")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Rows claimed per query.</summary>
    [AtLeast("Routing__BatchSize", 1)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Chats delivered at the same time by one process.</summary>
    [AtLeast("Routing__Parallelism", 1)]
    public int Parallelism { get; set; } = 32;

    /// <summary>How often idle workers look for work recorded by other processes or due for retry.</summary>
    [Duration("Routing__PollInterval", "00:00:00.010")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Least time between two claims of this process: under load, work that arrives meanwhile is claimed
    /// together, in one query; after a quiet spell, a claim goes at once.</summary>
    [Duration("Routing__ClaimInterval", "00:00:00", "00:00:01")]
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long delivered rows are kept to recognise a repeated webhook or event.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Largest media file downloaded for Chatwoot.</summary>
    [AtLeast("Routing__MediaMaxBytes", 1)]
    public long MediaMaxBytes { get; set; } = 16 * 1024 * 1024;

    public TimeSpan MediaDownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryBaseDelay <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Routing__RetryBaseDelay must be positive", [nameof(RetryBaseDelay)]);
        }
        else if (RetryMaxDelay < RetryBaseDelay)
        {
            yield return new ValidationResult("Routing__RetryMaxDelay must not be below Routing__RetryBaseDelay", [nameof(RetryMaxDelay)]);
        }
    }
}
