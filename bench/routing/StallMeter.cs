using System.Diagnostics;

namespace RyzeApi.Bench.Routing;

/// <summary>A thread of the load generator that asks to sleep 1 ms, over and over, and notes each time it woke up
/// 4 ms or more late: moments when this process could not run (its own GC, or the machine lending its cores
/// elsewhere). An answer in flight then is timed late by as much, whoever was slow.</summary>
internal sealed class StallMeter
{
    private const double StallMs = 4;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(double At, double Ms)> _stalls = [];
    private readonly Thread _thread;
    private volatile bool _stop;

    public StallMeter()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "stall meter" };
        _thread.Start();
    }

    /// <summary>Milliseconds since the meter started, on the clock the stalls are noted with.</summary>
    public double NowMs => _clock.Elapsed.TotalMilliseconds;

    public IReadOnlyList<(double At, double Ms)> Stop()
    {
        _stop = true;
        _thread.Join();
        return _stalls;
    }

    private void Run()
    {
        var previous = NowMs;
        while (!_stop)
        {
            Thread.Sleep(1);
            var now = NowMs;
            if (now - previous >= StallMs)
            {
                _stalls.Add((previous, now - previous));
            }

            previous = now;
        }
    }
}
