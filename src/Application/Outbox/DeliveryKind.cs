using System.Collections.Frozen;
using System.Text.Json;
using RyzeApi.Application.Routing.Delivery;

namespace RyzeApi.Application.Outbox;

/// <summary>A registered kind of work: reads a claimed row's payload with the kind's contract and hands it to its handler.</summary>
public abstract class DeliveryKind
{
    public abstract string Name { get; }

    public abstract Task<DeliveryOutcome> AttemptAsync(DeliveryContext context, OutboxItem item, CancellationToken cancellationToken);

    public abstract int MaxAttempts(int configured);

    /// <summary>The handler's follow-up for an item given up; null also when the payload cannot be read (the
    /// reason it was given up, perhaps), which must not stop the row from being marked failed.</summary>
    /// <param name="lastError">What the last attempt came to.</param>
    public abstract NewOutboxItem? WhenGivenUp(OutboxItem item, string lastError);
}

internal sealed class DeliveryKind<T>(IDeliveryHandler<T> handler) : DeliveryKind
    where T : IDelivery<T>
{
    public override string Name => T.KindName;

    public override Task<DeliveryOutcome> AttemptAsync(DeliveryContext context, OutboxItem item, CancellationToken cancellationToken) =>
        handler.DeliverAsync(context, Read(item), cancellationToken);

    public override int MaxAttempts(int configured) => handler.MaxAttempts(configured);

    public override NewOutboxItem? WhenGivenUp(OutboxItem item, string lastError)
    {
        try
        {
            return handler.WhenGivenUp(Read(item), lastError);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    private static Claimed<T> Read(OutboxItem item) => new(
        item.Id,
        item.IntegrationId,
        JsonSerializer.Deserialize(item.Payload, T.JsonType) ?? throw new InvalidOperationException($"outbox item {item.Id} has an empty payload"),
        item.Attempts,
        item.Chat);
}

/// <summary>Every registered kind, by name: what a claimed row's kind is looked up in.</summary>
public sealed class DeliveryKinds(IEnumerable<DeliveryKind> kinds)
{
    private readonly FrozenDictionary<string, DeliveryKind> _byName = kinds.ToFrozenDictionary(k => k.Name);

    public DeliveryKind? Find(string name) => _byName.GetValueOrDefault(name);
}
