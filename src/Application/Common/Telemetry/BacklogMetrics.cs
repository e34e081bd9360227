using System.Diagnostics.Metrics;

namespace RyzeApi.Application.Common.Telemetry;

/// <summary>The outbox backlog per integration and the integrations by status, as gauges read from the last snapshot
/// (<see cref="Update"/>, every <see cref="MetricsOptions.BacklogInterval"/>): a scrape reads memory, never the
/// database. Cardinality is bounded: at most <see cref="MetricsOptions.TopIntegrations"/> instance names, the rest
/// summed under <see cref="OtherIntegrations"/>, which is always reported (0 when nothing is pending) so sums and
/// alerts never see an empty series set.</summary>
public sealed class BacklogMetrics
{
    /// <summary>The label of the integrations not named; not a valid instance name, so it never meets one.</summary>
    public const string OtherIntegrations = "(other)";

    public const string InstanceLabel = "ryzeapi.instance";

    private static readonly string[] s_statuses = [.. Enum.GetValues<IntegrationStatus>().Select(s => s.ToName())];

    private volatile Measurements _current = new([], [], []);

    public BacklogMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(RyzeApiMetrics.MeterName);
        meter.CreateObservableGauge(
            "ryzeapi.outbox.pending", () => _current.Pending, "{delivery}",
            "Deliveries waiting in the outbox (due, leased or waiting for a retry), per instance; the least behind summed under (other).");
        meter.CreateObservableGauge(
            "ryzeapi.outbox.oldest_pending_age", () => _current.OldestAge, "s",
            "Age of the oldest delivery still waiting in the outbox, per instance; the oldest of the others under (other).");
        meter.CreateObservableGauge(
            "ryzeapi.integrations", () => _current.ByStatus, "{integration}",
            "Chatwoot integrations per status (active, paused, error).");
    }

    public void Update(BacklogSnapshot snapshot)
    {
        var rows = snapshot.Integrations;
        var other = rows.FirstOrDefault(r => r.Instance is null) ?? new IntegrationBacklog(null, 0, 0);
        var named = rows.Where(r => r.Instance is not null).Append(other).ToList();
        _current = new Measurements(
            [.. named.Select(r => new Measurement<long>(r.Pending, Label(r)))],
            [.. named.Select(r => new Measurement<double>(r.OldestPendingSeconds, Label(r)))],
            [.. s_statuses.Select(s => new Measurement<long>(
                snapshot.IntegrationsByStatus.GetValueOrDefault(s), new KeyValuePair<string, object?>("status", s)))]);
    }

    private static KeyValuePair<string, object?> Label(IntegrationBacklog row) => new(InstanceLabel, row.Instance ?? OtherIntegrations);

    private sealed record Measurements(Measurement<long>[] Pending, Measurement<double>[] OldestAge, Measurement<long>[] ByStatus);
}
