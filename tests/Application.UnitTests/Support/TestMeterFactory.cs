using System.Diagnostics.Metrics;

namespace RyzeApi.Application.UnitTests.Support;

/// <summary>The host's meter factory in miniature: its meters are scoped to it, so a
/// <c>MetricCollector</c> made on it sees this factory's instruments and no other test's.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        options.Scope = this;
        var meter = new Meter(options);
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
            _meters.Clear();
        }
    }
}
