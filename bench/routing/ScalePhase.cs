using System.Diagnostics;

namespace RyzeApi.Bench.Routing;

/// <summary>What one routed message costs with <see cref="Integrations"/> active integrations and
/// <see cref="Chats"/> known chats in the database, and the API's memory after.</summary>
internal sealed record ScaleStep(
    int Integrations, long Chats, int Messages, double Throughput, double CallsPerMessage, Cpu PerMessage,
    ClaimTimes Claim, Memory Memory, TimeSpan SeedTime);

/// <summary>The same message workload, to the same 1,000 chats of 100 integrations, first with 100 integrations in the
/// database, then with 10,000 integrations and 100,000 chats (made by <see cref="ScaleSeed"/>).</summary>
internal static class ScalePhase
{
    public const int Routed = 100;
    public const int Large = 10_000;
    private const int ClaimBatch = 200; // Routing__BatchSize's default

    public static async Task<IReadOnlyList<ScaleStep>> RunAsync(BenchHost host, Counts n)
    {
        var steps = new List<ScaleStep>();
        var next = 1; // the bench's own integration is the first
        foreach (var total in new[] { Routed, Large })
        {
            var clock = Stopwatch.StartNew();
            await ScaleSeed.SeedAsync(host, next, total);
            next = total;
            var seedTime = clock.Elapsed;
            var (integrations, chats) = await CountAsync(host);

            // Unmeasured first round: the seeded integrations' first batches, and the same for both steps.
            await RouteAsync(host, $"S{total}w", n.ScaleMessages / 4);
            var before = host.Cpu();
            var calls = host.ApiCalls();
            var timed = Stopwatch.StartNew();
            await RouteAsync(host, $"S{total}", n.ScaleMessages);
            var throughput = n.ScaleMessages / timed.Elapsed.TotalSeconds;
            var cpu = host.Cpu().MsPerItemSince(before, n.ScaleMessages);
            var callsPerMessage = (host.ApiCalls() - calls) / (double)n.ScaleMessages;
            var claim = await ClaimTimer.MeasureAsync(host.ConnectionString, ClaimBatch, n.Quick ? 10 : 50);
            var memory = await Memory.ReadAsync(host.Api.Pid);
            Console.WriteLine($"scale {integrations} integrations, {chats} chats: {throughput:0}/s, CPU ms per message api {cpu.Api:0.00} postgres {cpu.Postgres:0.00}; RSS {memory.WorkingSetMiB:0} MiB, GC heap {memory.GcHeapMiB:0.0} MiB");
            steps.Add(new ScaleStep(integrations, chats, n.ScaleMessages, throughput, callsPerMessage, cpu, claim, memory, seedTime));
        }

        return steps;
    }

    // Message i goes to routed integration i % 100 (the bench's own, then scale-1…scale-99) and its chat (i / 100) % 10.
    private static async Task RouteAsync(BenchHost host, string prefix, int count)
    {
        var target = host.RoutedCount() + count;
        await Pacer.RunFlatOutAsync(count, 64, i =>
        {
            var (integration, chat) = (i % Routed, i / Routed % ScaleSeed.ChatsPerIntegration);
            return integration == 0
                ? host.PostEventAsync($"{prefix}-{i}", RoutingRun.Chat(chat))
                : host.PostEventAsync(ScaleSeed.Instance(integration), ScaleSeed.Token(integration), $"{prefix}-{i}", RoutingRun.Chat(chat));
        });
        await host.WaitForMessagesAsync(target);
    }

    private static async Task<(int Integrations, long Chats)> CountAsync(BenchHost host)
    {
        await using var db = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await db.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand(
            "SELECT (SELECT count(*) FROM chatwoot_integrations WHERE status = 'active'), (SELECT count(*) FROM chatwoot_chats)", db);
        await using var row = await count.ExecuteReaderAsync();
        await row.ReadAsync();
        return ((int)row.GetInt64(0), row.GetInt64(1));
    }
}
