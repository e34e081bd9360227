namespace RyzeApi.Infrastructure.Outbox;

/// <summary>An in-process doorbell: ingestion rings it, idle workers wake at once instead of at the next poll.</summary>
public sealed class OutboxSignal : IOutboxSignal
{
    private readonly SemaphoreSlim _bell = new(0, 1);

    public void Notify()
    {
        if (_bell.CurrentCount == 0)
        {
            try
            {
                _bell.Release();
            }
            catch (SemaphoreFullException)
            {
                // Rung by another thread at the same moment: one wake-up is enough.
            }
        }
    }

    /// <returns>True when rung, false when <paramref name="timeout"/> passed first.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _bell.WaitAsync(timeout, cancellationToken);
}
