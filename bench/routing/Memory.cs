using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace RyzeApi.Bench.Routing;

/// <summary>The API's memory at one moment: its resident set (from /proc) and its GC heap, read from the runtime's
/// own counters through its diagnostics port (what <c>dotnet-counters</c> shows as <c>gc-heap-size</c>).</summary>
internal sealed record Memory(double WorkingSetMiB, double GcHeapMiB)
{
    public static async Task<Memory> ReadAsync(int pid)
    {
        var rss = double.NaN;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return new Memory(rss, await GcHeapMiBAsync(pid));
    }

    private static async Task<double> GcHeapMiBAsync(int pid)
    {
        var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, 0,
            new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" });
        using var session = new DiagnosticsClient(pid).StartEventPipeSession([provider], requestRundown: false);
        var heap = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = new EventPipeEventSource(session.EventStream);
        source.Dynamic.All += e =>
        {
            if (e.EventName == "EventCounters" && e.PayloadValue(0) is IDictionary<string, object> outer
                && outer.TryGetValue("Payload", out var inner) && inner is IDictionary<string, object> counter
                && counter.TryGetValue("Name", out var name) && (string)name == "gc-heap-size")
            {
                heap.TrySetResult(Convert.ToDouble(counter["Mean"], CultureInfo.InvariantCulture));
            }
        };
        var reading = Task.Run(source.Process);
        var first = await Task.WhenAny(heap.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        session.Stop();
        await reading;
        // The counter is in MB (10^6 bytes).
        return first == heap.Task ? heap.Task.Result * 1e6 / (1024 * 1024) : double.NaN;
    }
}
