using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Chatwoot.Commands.RetryDeliveries;

/// <summary>Send failed deliveries again: those of <see cref="Ids"/>, or (null) every failed one, the oldest
/// <see cref="RetryDeliveriesCommandHandler.MaxAll"/> per call.</summary>
public sealed record RetryDeliveriesCommand(Caller Caller, string Instance, IReadOnlyList<long>? Ids) : ICommand<RetriedDeliveries>;

/// <summary><see cref="Requeued"/> are pending again; <see cref="Skipped"/> are the ids asked for that were not
/// (not failed: pending, delivered, unknown to this instance; or their message already reached the other side).</summary>
public sealed record RetriedDeliveries(IReadOnlyList<long> Requeued, IReadOnlyList<long> Skipped);
