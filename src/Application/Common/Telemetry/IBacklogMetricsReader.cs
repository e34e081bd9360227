namespace RyzeApi.Application.Common.Telemetry;

/// <summary>Reads what the backlog gauges show, in one round trip, cheap with thousands of integrations.</summary>
public interface IBacklogMetricsReader
{
    /// <param name="top">How many integrations to name (the most behind first); the rest come summed in one row
    /// whose <see cref="IntegrationBacklog.Instance"/> is null.</param>
    /// <param name="namedAfter">Only an integration whose oldest pending delivery is at least this old is named.</param>
    Task<BacklogSnapshot> ReadAsync(int top, TimeSpan namedAfter, CancellationToken cancellationToken);
}

/// <param name="Instance">The instance's name; null for the integrations summed together.</param>
/// <param name="OldestPendingSeconds">Age of the oldest pending delivery, in seconds.</param>
public sealed record IntegrationBacklog(string? Instance, long Pending, double OldestPendingSeconds);

/// <param name="Integrations">Integrations with pending deliveries.</param>
/// <param name="IntegrationsByStatus">Integrations per status name (<c>active</c>, <c>paused</c>, <c>error</c>).</param>
public sealed record BacklogSnapshot(IReadOnlyList<IntegrationBacklog> Integrations, IReadOnlyDictionary<string, long> IntegrationsByStatus);
