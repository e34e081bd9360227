namespace RyzeApi.Application.UnitTests.Support;

/// <summary>A clock that always reads <see cref="Now"/>; timers still run on the system clock.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
