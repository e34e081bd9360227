using System.Globalization;

namespace RyzeApi.Bench.Routing;

/// <summary>Where the slowest answers of a paced run fell: in how many bursts, how far apart, and how many
/// were in flight while the load generator itself was stalled (see <see cref="StallMeter"/>).</summary>
internal sealed record SlowAnswers(int Count, int Bursts, double MedianSpacingMs, int DuringStall, int Stalls, double StallTotalMs, double LongestStallMs)
{
    // Slow answers sent less than this after the previous slow one belong to the same burst.
    private const double BurstGapMs = 50;

    /// <param name="startedAtMs">When answer i was asked for, on the stall meter's clock.</param>
    public static SlowAnswers Of(
        IReadOnlyList<double> latencies, int count, Func<int, double> startedAtMs, IReadOnlyList<(double At, double Ms)> stalls)
    {
        var slow = latencies.Select((ms, i) => (Start: startedAtMs(i), End: startedAtMs(i) + ms))
            .OrderByDescending(a => a.End - a.Start).Take(count).OrderBy(a => a.Start).ToList();
        var burstStarts = new List<double>();
        for (var i = 0; i < slow.Count; i++)
        {
            if (i == 0 || slow[i].Start - slow[i - 1].Start > BurstGapMs)
            {
                burstStarts.Add(slow[i].Start);
            }
        }

        var spacing = burstStarts.Zip(burstStarts.Skip(1), (a, b) => b - a).ToList();
        var duringStall = slow.Count(a => stalls.Any(s => s.At <= a.End && s.At + s.Ms >= a.Start));
        return new SlowAnswers(slow.Count, burstStarts.Count, Stats.Percentile(spacing, 50), duringStall,
            stalls.Count, stalls.Sum(s => s.Ms), stalls.Count == 0 ? 0 : stalls.Max(s => s.Ms));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"the {Count} slowest came in {Bursts} bursts, a median {MedianSpacingMs:0} ms apart; {DuringStall} of them were in flight while the load generator itself could not run for 4 ms or more ({Stalls} such stalls, {StallTotalMs:0} ms in all, the longest {LongestStallMs:0.0} ms).");
}
