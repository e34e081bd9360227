using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Npgsql;
using RyzeApi.Infrastructure.Security;

namespace RyzeApi.Bench.Routing;

/// <summary>Each claim's time in milliseconds (planning and execution) and the buffer pages it touched (found in
/// shared buffers or read): the pages are the same from run to run where the time moves with the machine.</summary>
internal sealed record ClaimTimes(IReadOnlyList<double> Ms, IReadOnlyList<double> Pages);

/// <summary>The outbox claim's own time in PostgreSQL, as <c>EXPLAIN (ANALYZE)</c> reports it: the API's claim
/// statement, run against the loaded database with a full batch of due rows, each in a transaction rolled back
/// (the rows are never seen by the API's workers, which only see committed rows).</summary>
internal static class ClaimTimer
{
    private const string DueRows = """
        INSERT INTO outbox (integration_id, kind, lane_kind, lane_key, dedupe_key, payload)
        SELECT c.integration_id, 'whatsapp_message', 'chat', c.chat_jid, 'claim-timer:' || c.chat_jid, '{}'::jsonb
        FROM chatwoot_chats c WHERE c.integration_id LIKE 'int\_scale%'
        ORDER BY c.integration_id, c.chat_jid LIMIT @Max
        """;

    /// <summary>The statement the API's workers run (read from its assembly, so it is always the current one).</summary>
    private static readonly string s_claim = ClaimStatement();

    private static string ClaimStatement()
    {
        var field = typeof(AesGcmTokenProtector).Assembly.GetType("RyzeApi.Infrastructure.Outbox.OutboxSql", throwOnError: true)!
            .GetField("Claim", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("OutboxSql.Claim is gone: point the bench's claim timer at the claim statement");
        return (string)(field.IsLiteral ? field.GetRawConstantValue() : field.GetValue(null))!;
    }

    public static async Task<ClaimTimes> MeasureAsync(string connectionString, int batch, int runs)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var (times, pages) = (new List<double>(), new List<double>());
        for (var i = 0; i < runs; i++)
        {
            await using var tx = await db.BeginTransactionAsync();
            await using (var insert = new NpgsqlCommand(DueRows, db, tx))
            {
                insert.Parameters.AddWithValue("Max", batch);
                await insert.ExecuteNonQueryAsync();
            }

            // Diagnostic: BENCH_CLAIM_PLAN=1 prints the last run's plan, with the pages of each node, instead of timing it.
            if (i == runs - 1 && Environment.GetEnvironmentVariable("BENCH_CLAIM_PLAN") == "1")
            {
                await using var text = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + s_claim, db, tx);
                text.Parameters.AddWithValue("Worker", "claim-timer");
                text.Parameters.AddWithValue("Max", batch);
                text.Parameters.AddWithValue("Lease", TimeSpan.FromSeconds(10));
                await using var lines = await text.ExecuteReaderAsync();
                while (await lines.ReadAsync())
                {
                    Console.WriteLine("plan: " + lines.GetString(0));
                }

                continue;
            }

            await using (var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) " + s_claim, db, tx))
            {
                explain.Parameters.AddWithValue("Worker", "claim-timer");
                explain.Parameters.AddWithValue("Max", batch);
                explain.Parameters.AddWithValue("Lease", TimeSpan.FromSeconds(10));
                using var explained = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
                var top = explained.RootElement[0];
                times.Add(top.GetProperty("Planning Time").GetDouble() + top.GetProperty("Execution Time").GetDouble());
                var plan = top.GetProperty("Plan");
                pages.Add(plan.GetProperty("Shared Hit Blocks").GetInt64() + plan.GetProperty("Shared Read Blocks").GetInt64());
            }

            await tx.RollbackAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"claim of {batch} due rows: median {Stats.Percentile(times, 50):0.00} ms, {Stats.Percentile(pages, 50):0} pages"));
        return new ClaimTimes(times, pages);
    }
}
