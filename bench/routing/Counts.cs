namespace RyzeApi.Bench.Routing;

/// <summary>How much each phase sends. BENCH_QUICK=1 sends a fifth (to check the bench works, not to quote).</summary>
internal sealed record Counts(
    int Baseline, int WarmUp, int WarmUpRound, int Throughput, int Latency, int Webhook, int NewContacts,
    TimeSpan Quiet, int ScaleMessages, int Activations)
{
    public static Counts FromEnvironment() => Environment.GetEnvironmentVariable("BENCH_QUICK") == "1"
        ? new(600, 600, 200, 1000, 400, 1000, 5, TimeSpan.FromSeconds(3), 1000, 20)
        : new(3000, 3000, 1000, 5000, 2000, 5000, 20, TimeSpan.FromSeconds(10), 4000, 100);

    public bool Quick => Throughput < 5000;
}
