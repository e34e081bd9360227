using System.Diagnostics;

namespace RyzeApi.Bench.Routing;

/// <summary>Fires <paramref name="count"/> operations at a fixed rate (open loop: a slow answer does not
/// slow the next send), and returns each operation's latency in milliseconds.</summary>
internal static class Pacer
{
    public static async Task<List<double>> RunAsync(int count, double perSecond, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var tasks = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                await operation(index);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(tasks);
        return [.. latencies];
    }

    /// <summary>Closed loop with <paramref name="concurrency"/> workers: as fast as it goes.</summary>
    public static async Task RunFlatOutAsync(int count, int concurrency, Func<int, Task> operation)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await operation(i);
            }
        }));
    }
}
