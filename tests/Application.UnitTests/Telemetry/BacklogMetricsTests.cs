using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using RyzeApi.Application.Common.Telemetry;

namespace RyzeApi.Application.UnitTests.Telemetry;

/// <summary>The backlog gauges show the last snapshot: the named instances, the rest under "(other)" (always there,
/// 0 when nothing waits), and every integration status (0 when none has it).</summary>
public sealed class BacklogMetricsTests
{
    private TestMeterFactory _meters = null!;
    private BacklogMetrics _gauges = null!;

    [SetUp]
    public void SetUp()
    {
        _meters = new TestMeterFactory();
        _gauges = new BacklogMetrics(_meters);
    }

    [TearDown]
    public void TearDown() => _meters.Dispose();

    [Test]
    public void NamedInstancesAndTheRestSummed_EachStatus()
    {
        // Arrange
        _gauges.Update(new BacklogSnapshot(
            [new IntegrationBacklog("suporte", 12, 95.5), new IntegrationBacklog(null, 40, 30), new IntegrationBacklog("vendas", 3, 61)],
            new Dictionary<string, long> { ["active"] = 9_998, ["paused"] = 2 }));

        // Act
        var pending = Read<long>("ryzeapi.outbox.pending");
        var age = Read<double>("ryzeapi.outbox.oldest_pending_age");
        var integrations = Read<long>("ryzeapi.integrations", "status");

        // Assert
        Assert.That(pending, Is.EquivalentTo(new Dictionary<string, long> { ["suporte"] = 12, ["vendas"] = 3, [BacklogMetrics.OtherIntegrations] = 40 }));
        Assert.That(age, Is.EquivalentTo(new Dictionary<string, double> { ["suporte"] = 95.5, ["vendas"] = 61, [BacklogMetrics.OtherIntegrations] = 30 }));
        Assert.That(integrations, Is.EquivalentTo(new Dictionary<string, long> { ["active"] = 9_998, ["paused"] = 2, ["error"] = 0 }));
    }

    [Test]
    public void NothingPending_OnlyTheRestAtZero_AndANewSnapshotReplacesTheOld()
    {
        // Arrange
        _gauges.Update(new BacklogSnapshot([new IntegrationBacklog("suporte", 12, 95.5)], new Dictionary<string, long>()));

        // Act
        _gauges.Update(new BacklogSnapshot([], new Dictionary<string, long>()));

        // Assert
        Assert.That(Read<long>("ryzeapi.outbox.pending"), Is.EquivalentTo(new Dictionary<string, long> { [BacklogMetrics.OtherIntegrations] = 0 }));
        Assert.That(Read<double>("ryzeapi.outbox.oldest_pending_age"), Is.EquivalentTo(new Dictionary<string, double> { [BacklogMetrics.OtherIntegrations] = 0 }));
    }

    private Dictionary<string, T> Read<T>(string instrument, string label = BacklogMetrics.InstanceLabel)
        where T : struct
    {
        using var collector = new MetricCollector<T>(_meters, RyzeApiMetrics.MeterName, instrument);
        collector.RecordObservableInstruments();
        return collector.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags[label]!, m => m.Value);
    }
}
