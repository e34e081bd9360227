using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Common.Abstractions;

/// <summary>The durable queue of routed work (PostgreSQL), as ingress records it.</summary>
public interface IOutbox
{
    /// <returns>False when an item with the same dedupe key already exists for the integration.</returns>
    Task<bool> EnqueueAsync<T>(string integrationId, T delivery, CancellationToken cancellationToken)
        where T : IDelivery<T>;

    /// <summary>Records several items in one transaction, in order (e.g. the parts of one agent message).</summary>
    /// <returns>False when every one of them already existed.</returns>
    Task<bool> EnqueueAllAsync<T>(string integrationId, IReadOnlyList<T> deliveries, CancellationToken cancellationToken)
        where T : IDelivery<T>;

    /// <summary>Enqueues an agent reply verified with what this process knew (<see cref="Routing.Ingress.KnownConversations"/>)
    /// only if, in the same statement, PostgreSQL finds <paramref name="expected"/> still true.</summary>
    /// <returns>False when it is not, or an item with the same dedupe key exists; the caller then looks the call up.</returns>
    Task<bool> EnqueueKnownReplyAsync(AgentReply reply, KnownReply expected, CancellationToken cancellationToken);
}
