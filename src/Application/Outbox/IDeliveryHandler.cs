using RyzeApi.Application.Routing.Delivery;

namespace RyzeApi.Application.Outbox;

/// <summary>Delivers one kind of work. Its exceptions are classified by the engine (token rejected: halt; 429, 408,
/// unavailable: retry; other rejections: failed); an outcome it returns is recorded as it is.</summary>
public interface IDeliveryHandler<T>
    where T : IDelivery<T>
{
    Task<DeliveryOutcome> DeliverAsync(DeliveryContext context, Claimed<T> item, CancellationToken cancellationToken);

    /// <summary>Attempts before an item of this kind is given up (marked failed).</summary>
    int MaxAttempts(int configured) => configured;

    /// <summary>Work to record with an item given up after its last attempt (e.g. a "failed" tick), or null.</summary>
    NewOutboxItem? WhenGivenUp(Claimed<T> item) => null;

    /// <summary>As <see cref="WhenGivenUp(Claimed{T})"/>, knowing what the last attempt came to (e.g. to show why).</summary>
    NewOutboxItem? WhenGivenUp(Claimed<T> item, string lastError) => WhenGivenUp(item);
}
