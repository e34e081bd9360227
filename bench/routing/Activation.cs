using System.Diagnostics;
using RyzeApi.Testing.Chatwoot;

namespace RyzeApi.Bench.Routing;

/// <summary>Times of one call in milliseconds: as the client saw it, the fake Chatwoot's share, and the difference
/// (RyzeApi's own cost, loopback hops included).</summary>
internal sealed record CallTimes(IReadOnlyList<double> Total, IReadOnlyList<double> Fake)
{
    public IReadOnlyList<double> Own => [.. Total.Zip(Fake, (t, f) => t - f)];
}

/// <summary>The activation (<c>POST /api/chatwoot/set/{instance}</c>) and the info call
/// (<c>GET /api/chatwoot/list/{instance}</c>), one at a time on new instances, each against the fake Chatwoot, whose
/// own time for the inbox's creation (or, for the info call, its read) is subtracted.</summary>
internal static class Activation
{
    private const int WarmUp = 5;

    public static async Task<(CallTimes Activate, CallTimes Info)> RunAsync(BenchHost host, int count)
    {
        var activate = (Total: new List<double>(), Fake: new List<double>());
        var info = (Total: new List<double>(), Fake: new List<double>());
        for (var i = 0; i < WarmUp + count; i++)
        {
            var name = $"act-{i}";
            await host.CreateInstanceAsync(name);
            var (total, fake) = await TimeAsync(host.Chatwoot, () => host.ActivateAsync(name, "Activation " + i),
                r => r.Method == "POST" && r.Path.EndsWith("/inboxes", StringComparison.Ordinal));
            var (infoTotal, infoFake) = await TimeAsync(host.Chatwoot, () => host.Http.GetAsync($"/api/chatwoot/list/{name}"),
                r => r.Method == "GET" && r.Path.Contains("/inboxes/", StringComparison.Ordinal));
            if (i >= WarmUp)
            {
                activate.Total.Add(total);
                activate.Fake.Add(fake);
                info.Total.Add(infoTotal);
                info.Fake.Add(infoFake);
            }
        }

        Console.WriteLine($"activation p50 {Stats.Percentile(activate.Total, 50):0.0} ms (fake {Stats.Percentile(activate.Fake, 50):0.0}); info p50 {Stats.Percentile(info.Total, 50):0.0} ms (fake {Stats.Percentile(info.Fake, 50):0.0})");
        return (new CallTimes(activate.Total, activate.Fake), new CallTimes(info.Total, info.Fake));
    }

    private static async Task<(double Total, double Fake)> TimeAsync(
        FakeChatwoot chatwoot, Func<Task<HttpResponseMessage>> call, Func<RecordedRequest, bool> fakeWork)
    {
        var seen = chatwoot.Requests.Count;
        var started = Stopwatch.GetTimestamp();
        using (var response = await call())
        {
            var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            var request = chatwoot.Requests.Skip(seen).Single(fakeWork);
            // The fake notes its time once its answer is written, which the client may have read a moment before.
            for (var wait = 0; request.HandledIn is null && wait < 100; wait++)
            {
                await Task.Delay(10);
            }

            return (total, request.HandledIn!.Value.TotalMilliseconds);
        }
    }
}
