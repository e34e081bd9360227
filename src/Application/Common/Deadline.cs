namespace RyzeApi.Application.Common;

/// <summary>Runs work under our own time limit, linked to the caller's token. A cancellation becomes
/// <see cref="RequestTimeoutException"/> only when our timer fired, never when the caller cancelled; adapters
/// may classify the cancellation themselves (e.g. as an unreachable upstream), and those pass through unchanged.</summary>
public static class Deadline
{
    public static async Task<T> RunAsync<T>(
        string name, TimeSpan limit, TimeProvider timeProvider, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(limit, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await work(linked.Token);
        }
        catch (OperationCanceledException exception)
            when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RequestTimeoutException(name, limit, exception);
        }
    }
}
