using System.Globalization;
using Npgsql;

namespace RyzeApi.Bench.Routing;

/// <summary>Diagnostic: BENCH_SUSTAINED_ROUNDS=N repeats the webhook phase N more times back to back (a sustained
/// 500/s), with the outbox's dead row versions and autovacuum runs after each round; not in the report.</summary>
internal static class SustainedRounds
{
    public static async Task RunAsync(BenchHost host, int count, Func<int, Task> postReply, int replies)
    {
        var rounds = int.Parse(Environment.GetEnvironmentVariable("BENCH_SUSTAINED_ROUNDS") ?? "0", CultureInfo.InvariantCulture);
        for (var round = 1; round <= rounds; round++)
        {
            var before = host.Cpu();
            var latency = await Pacer.RunAsync(count, 500, i => postReply(replies + i));
            await host.WaitForRepliesAsync(replies += count);
            var cpu = host.Cpu().MsPerItemSince(before, count);
            await using var db = new NpgsqlConnection(host.ConnectionString);
            await db.OpenAsync();
            await using var stats = new NpgsqlCommand(
                "SELECT n_live_tup, n_dead_tup, autovacuum_count FROM pg_stat_user_tables WHERE relname = 'outbox'", db);
            await using var row = await stats.ExecuteReaderAsync();
            await row.ReadAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sustained round {round}: p50 {Stats.Percentile(latency, 50):0.0} ms p99 {Stats.Percentile(latency, 99):0.0} ms; CPU ms per reply: api {cpu.Api:0.00}, postgres {cpu.Postgres:0.00}; outbox live {row.GetInt64(0)}, dead {row.GetInt64(1)}, autovacuums {row.GetInt64(2)}"));
        }
    }
}
