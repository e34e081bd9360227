using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RyzeApi.Bench.Routing;
using RyzeApi.Testing.Chatwoot;
using RyzeApi.Testing.Engine;

// bench/routing/run builds this and passes: <WebApi dll> <admin connection string> <output markdown>.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: RyzeApi.Bench.Routing <RyzeApi.WebApi.dll> <postgres connection string> <output.md>");
    return 2;
}

var (dll, connectionString, output) = (args[0], args[1], args[2]);
var inv = CultureInfo.InvariantCulture;
const string AccountToken = "bench-account-token-0123456789";
const string ChatwootToken = "bench-chatwoot-admin-token";
const int Chats = 200;

await using var chatwoot = await FakeChatwoot.StartAsync();
chatwoot.AddAccount(5, ChatwootToken);
chatwoot.ContactSearchLimitPerMinute = null;
chatwoot.WebhookTimeout = TimeSpan.FromMinutes(2); // measure an overloaded receiver instead of failing the run
// Off by default: on this shared 2-core box the echo webhooks real Chatwoot would post (and the API
// ignores) compete with what is measured; BENCH_FAKE_WEBHOOKS=1 turns them on.
chatwoot.AutomaticWebhooks = Environment.GetEnvironmentVariable("BENCH_FAKE_WEBHOOKS") == "1";
await using var engine = await FakeEngine.StartAsync();

await using var api = await ApiProcess.StartAsync(dll, new Dictionary<string, string>
{
    ["ConnectionStrings__Postgres"] = connectionString,
    ["RyzeApi__BootstrapAccountToken"] = AccountToken,
    ["Chatwoot__EncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
    ["Engine__BaseUrl"] = engine.BaseUrl,
    ["Engine__Token"] = engine.Token,
    ["RateLimiting__GlobalPermitLimit"] = "1000000",
    ["RateLimiting__InstanceCreatePermitLimit"] = "1000000",
    ["RateLimiting__IngressPermitLimit"] = "1000000",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Logging__Console__FormatterName"] = "simple",
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["DOTNET_ThreadPool_ForceMinWorkerThreads"] = Environment.GetEnvironmentVariable("BENCH_MIN_THREADS") ?? "0",
    // Tier-up without the 100 ms quiet period .NET waits for: under constant traffic that period keeps being
    // extended, and after a 30 s warm-up ~450 methods/s were still being compiled (instrumented tier 0), costing
    // the API a third of its CPU. A process that has run for minutes is past that; this gets there in seconds.
    // The code it ends up running is the same (tier 1 with dynamic PGO).
    ["DOTNET_TC_CallCountingDelayMs"] = "0",
});

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = new Uri(api.BaseUrl) };
http.DefaultRequestHeaders.Add("token", AccountToken);
var created = await http.PostAsJsonAsync("/api/instance/new", new { name = "bench" });
var instanceToken = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["instance"]!["token"]!.GetValue<string>();
var activated = await http.PostAsJsonAsync("/api/chatwoot/set/bench", new
{
    chatwootBaseUrl = chatwoot.BaseUrl, chatwootAccountId = 5, chatwootApiToken = ChatwootToken, inboxName = "Bench",
});
if (!activated.IsSuccessStatusCode)
{
    Console.Error.WriteLine("activation failed: " + await activated.Content.ReadAsStringAsync());
    return 1;
}

var inbox = chatwoot.Inboxes.Single();
string Chat(int i) => $"55119{i % Chats:D8}";
var accepted = new ConcurrentDictionary<string, DateTimeOffset>();

async Task PostEventAsync(string id, string chat)
{
    var body = EngineEvents.Exchange(EngineEvents.Text(chat, "mensagem " + id, "Cliente " + chat) with { Id = id });
    using var response = await EngineEvents.PostAsync(http, "bench", instanceToken, body);
    if ((int)response.StatusCode != 202)
    {
        throw new InvalidOperationException($"event {id}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    accepted[id] = DateTimeOffset.UtcNow;
}

async Task<TimeSpan> WaitForMessagesAsync(int total)
{
    var clock = Stopwatch.StartNew();
    while (chatwoot.Messages.Count(m => m.SourceId?.StartsWith("WAID:", StringComparison.Ordinal) == true) < total)
    {
        if (clock.Elapsed > TimeSpan.FromMinutes(5))
        {
            throw new TimeoutException($"only {chatwoot.Messages.Count} messages reached Chatwoot");
        }

        await Task.Delay(50);
    }

    return clock.Elapsed;
}

int ApiCalls() => chatwoot.Requests.Count(r => r.Path.StartsWith("/api/v1/", StringComparison.Ordinal));

// Each agent reply ends with its "sent" tick PATCHed onto the Chatwoot message: a phase is over only then.
async Task WaitForTicksAsync(int total)
{
    var clock = Stopwatch.StartNew();
    while (chatwoot.Requests.Count(r => r.Method == "PATCH" && r.Path.Contains("/messages/", StringComparison.Ordinal)) < total)
    {
        if (clock.Elapsed > TimeSpan.FromMinutes(5))
        {
            throw new TimeoutException("the sent ticks did not all reach Chatwoot");
        }

        await Task.Delay(50);
    }
}

// Every agent reply is sent through the engine and its "sent" tick reaches Chatwoot.
async Task WaitForRepliesAsync(int total)
{
    await engine.WaitForSendsAsync(total, TimeSpan.FromMinutes(5));
    await WaitForTicksAsync(total);
}

if (Environment.GetEnvironmentVariable("BENCH_INGRESS_PROBE") == "1")
{
    // Diagnostic: single endpoints flat out, each run once to warm up (JIT) and once measured,
    // with the CPU each process spent per request.
    using var probeClient = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 });
    async Task ProbeAsync(string name, Func<int, Task> work)
    {
        const int Count = 3000;
        await Pacer.RunFlatOutAsync(Count, 32, work);
        var (apiCpu, selfCpu) = (CpuSeconds(api.Pid), CpuSeconds(Environment.ProcessId));
        var clock = Stopwatch.StartNew();
        await Pacer.RunFlatOutAsync(Count, 32, i => work(Count + i));
        Console.WriteLine($"{name}: {Count / clock.Elapsed.TotalSeconds:0} req/s; cpu per request: api {(CpuSeconds(api.Pid) - apiCpu) * 1000 / Count:0.00} ms, bench {(CpuSeconds(Environment.ProcessId) - selfCpu) * 1000 / Count:0.00} ms");
    }

    await ProbeAsync("health/live", async _ => { using var r = await probeClient.GetAsync(api.BaseUrl + "/health/live"); });
    await ProbeAsync("instance/list", async _ => { using var r = await http.GetAsync("/api/instance/list"); });
    await ProbeAsync("webhook (ignored)", async i =>
    {
        var body = $"{{\"event\":\"message_created\",\"id\":{i},\"message_type\":\"incoming\",\"content\":\"x\",\"conversation\":{{\"id\":1}}}}";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(inv);
        using var request = new HttpRequestMessage(HttpMethod.Post, inbox.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Chatwoot-Timestamp", timestamp);
        request.Headers.Add("X-Chatwoot-Signature", "sha256=" + FakeChatwoot.ComputeWebhookSignature(inbox.Secret, timestamp, body));
        using var response = await probeClient.SendAsync(request);
    });
    return 0;
}

// 1. Baseline: the fake Chatwoot hit directly, the same message create the API makes.
// Spread over as many conversations as the routed runs use, so both sides render the same-sized conversations.
var baselineConversations = Enumerable.Range(0, Chats).Select(i =>
    chatwoot.AddConversation(inbox.Id, chatwoot.AddContact(5, $"baseline {i}", $"baseline-{i}", null, inbox.Id).Id).Id).ToArray();
using var direct = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = new Uri(chatwoot.BaseUrl) };
direct.DefaultRequestHeaders.Add("api_access_token", ChatwootToken);
Task DirectCreateAsync(int i) => direct.PostAsJsonAsync(
    $"/api/v1/accounts/5/conversations/{baselineConversations[i % Chats]}/messages",
    new { content = "baseline", message_type = "incoming", source_id = $"BASE:{i}" });
const int BaselineCount = 3000;
var baselineClock = Stopwatch.StartNew();
await Pacer.RunFlatOutAsync(BaselineCount, 64, DirectCreateAsync);
var baselineRate = BaselineCount / baselineClock.Elapsed.TotalSeconds;
var baselineLatency = await Pacer.RunAsync(2000, 200, i => DirectCreateAsync(BaselineCount + i));
var baselineIngress = await Pacer.RunAsync(5000, 500, i => DirectCreateAsync(BaselineCount + 2000 + i));

Console.WriteLine($"baseline: {baselineRate:0} creates/s, p99 {Stats.Percentile(baselineLatency, 99):0.0} ms");
if (Environment.GetEnvironmentVariable("BENCH_BASELINE_ONLY") == "1")
{
    return 0;
}

var conversations = Array.Empty<long>();
// An agent replies in the fake Chatwoot: it creates the outgoing message and posts its signed
// message_created webhook to the inbox's webhook URL, as Chatwoot does; the latency is that post's.
async Task PostReplyAsync(int i)
{
    using var response = await chatwoot.SendAgentReplyAsync(conversations[i % conversations.Length], $"resposta {i}");
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"webhook {i}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

// 2. Warm-up: one message per chat creates its contact and conversation (not steady state); then both
// directions run for a while, so what is measured is a process past its start-up JIT, as in production.
var routed = 0;
await Pacer.RunFlatOutAsync(Chats, 32, i => PostEventAsync($"WARM{i}", Chat(i)));
await WaitForMessagesAsync(routed += Chats);
conversations = chatwoot.Conversations.Where(c => c.InboxId == inbox.Id && !baselineConversations.Contains(c.Id)).Select(c => c.Id).ToArray();
const int WarmUpCount = 3000;
await Pacer.RunFlatOutAsync(WarmUpCount, 64, i => PostEventAsync($"W{i}", Chat(i)));
await WaitForMessagesAsync(routed += WarmUpCount);
await Pacer.RunFlatOutAsync(WarmUpCount, 32, PostReplyAsync);
var replies = WarmUpCount;
await WaitForRepliesAsync(replies);

// Then quiet, so the runtime's background compiler (starved while the 2 cores are busy) catches up, and a
// second, smaller round, so what it compiled is what runs.
for (var round = 1; round <= 2; round++)
{
    await Task.Delay(TimeSpan.FromSeconds(10));
    await Pacer.RunFlatOutAsync(1000, 64, i => PostEventAsync($"W{round}-{i}", Chat(i)));
    await WaitForMessagesAsync(routed += 1000);
    await Pacer.RunFlatOutAsync(1000, 32, i => PostReplyAsync(replies + i));
    await WaitForRepliesAsync(replies += 1000);
}

await Task.Delay(TimeSpan.FromSeconds(10));

// CPU seconds used so far by the API, PostgreSQL (all its processes) and this process (fakes and load).
static double CpuSeconds(int pid)
{
    try
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
    catch (IOException)
    {
        return 0; // exited meanwhile
    }
}

double PostgresCpu() => Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(int.Parse!)
    .Where(pid => File.Exists($"/proc/{pid}/comm") && File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres").Sum(CpuSeconds);
(double Api, double Postgres, double Bench) CpuNow() => (CpuSeconds(api.Pid), PostgresCpu(), CpuSeconds(Environment.ProcessId));
// CPU milliseconds each process spent per item between two readings of CpuNow.
static (double Api, double Postgres, double Bench) CpuMsPer(
    (double Api, double Postgres, double Bench) before, (double Api, double Postgres, double Bench) after, int count) =>
    ((after.Api - before.Api) * 1000 / count, (after.Postgres - before.Postgres) * 1000 / count, (after.Bench - before.Bench) * 1000 / count);

// 3. Throughput, steady state: every chat known.
Console.WriteLine("warm-up done; measuring throughput");
var cpuBefore = CpuNow();
const int ThroughputCount = 5000;
var callsBefore = ApiCalls();
var throughputClock = Stopwatch.StartNew();
await Pacer.RunFlatOutAsync(ThroughputCount, 64, i => PostEventAsync($"T{i}", Chat(i)));
var postingSeconds = throughputClock.Elapsed.TotalSeconds;
await WaitForMessagesAsync(routed += ThroughputCount);
var throughputSeconds = throughputClock.Elapsed.TotalSeconds;
var throughput = ThroughputCount / throughputSeconds;
var callsPerMessage = (ApiCalls() - callsBefore) / (double)ThroughputCount;
var cpuAfter = CpuNow();
var cpuPerMessage = CpuMsPer(cpuBefore, cpuAfter, ThroughputCount);
Console.WriteLine($"throughput {throughput:0}/s, posts {postingSeconds:0.00} s of {throughputSeconds:0.00} s; CPU ms per message: api {cpuPerMessage.Api:0.00}, postgres {cpuPerMessage.Postgres:0.00}, fakes+load {cpuPerMessage.Bench:0.00}");

// 4. Accept → Chatwoot latency at 200 messages/s.
const int LatencyCount = 2000;
await Pacer.RunAsync(LatencyCount, 200, i => PostEventAsync($"L{i}", Chat(i)));
await WaitForMessagesAsync(routed += LatencyCount);
var landed = chatwoot.Messages.Where(m => m.SourceId?.StartsWith("WAID:L", StringComparison.Ordinal) == true)
    .ToDictionary(m => m.SourceId!["WAID:".Length..], m => m.CreatedAt);
var acceptToChatwoot = landed.Select(p => (p.Value - accepted[p.Key]).TotalMilliseconds).ToList();

// 5. Webhook ingress at 500 requests/s: signed agent replies, each also sent through the engine.
const int WebhookCount = 5000;
var webhookCpuBefore = CpuNow();
var benchPauseBefore = (Total: GC.GetTotalPauseDuration(), Count: GC.CollectionCount(0));
var stallMeter = new StallMeter();
var webhookStart = stallMeter.NowMs;
var webhookStartUtc = DateTimeOffset.UtcNow;
var webhookLatency = await Pacer.RunAsync(WebhookCount, 500, i => PostReplyAsync(replies + i));
var benchPause = (Ms: (GC.GetTotalPauseDuration() - benchPauseBefore.Total).TotalMilliseconds, Count: GC.CollectionCount(0) - benchPauseBefore.Count);
// The POST alone, as the fake timed it: without the fake creating the message and building the payload first.
var webhookPost = chatwoot.WebhookDeliveries.Where(d => !d.Automatic && d.SentAt >= webhookStartUtc).Select(d => d.Elapsed.TotalMilliseconds).ToList();
var slowest = SlowAnswers.Of(webhookLatency, 50, i => webhookStart + i * 1000.0 / 500, stallMeter.Stop());
await WaitForRepliesAsync(replies += WebhookCount);
var webhookCpuAfter = CpuNow();
var cpuPerReply = CpuMsPer(webhookCpuBefore, webhookCpuAfter, WebhookCount);
Console.WriteLine($"webhooks p50 {Stats.Percentile(webhookLatency, 50):0.0} ms p99 {Stats.Percentile(webhookLatency, 99):0.0} ms (the POST alone: {webhookPost.Count} p50 {Stats.Percentile(webhookPost, 50):0.0} ms p99 {Stats.Percentile(webhookPost, 99):0.0} ms); CPU ms per reply: api {cpuPerReply.Api:0.00}, postgres {cpuPerReply.Postgres:0.00}, fakes+load {cpuPerReply.Bench:0.00}; load generator GC: {benchPause.Count} collections, {benchPause.Ms:0} ms paused; {slowest}");
var peakRss = api.PeakRssMiB();

// Diagnostic: BENCH_SUSTAINED_ROUNDS=N repeats the webhook phase N more times back to back (a sustained 500/s),
// with the outbox's dead row versions and autovacuum runs after each round; not in the report.
var sustainedRounds = int.Parse(Environment.GetEnvironmentVariable("BENCH_SUSTAINED_ROUNDS") ?? "0", inv);
for (var round = 1; round <= sustainedRounds; round++)
{
    var before = CpuNow();
    var latency = await Pacer.RunAsync(WebhookCount, 500, i => PostReplyAsync(replies + i));
    await WaitForRepliesAsync(replies += WebhookCount);
    var cpu = CpuMsPer(before, CpuNow(), WebhookCount);
    await using var db = new Npgsql.NpgsqlConnection(connectionString);
    await db.OpenAsync();
    await using var stats = new Npgsql.NpgsqlCommand(
        "SELECT n_live_tup, n_dead_tup, autovacuum_count FROM pg_stat_user_tables WHERE relname = 'outbox'", db);
    await using var row = await stats.ExecuteReaderAsync();
    await row.ReadAsync();
    Console.WriteLine(string.Create(inv, $"sustained round {round}: p50 {Stats.Percentile(latency, 50):0.0} ms p99 {Stats.Percentile(latency, 99):0.0} ms; CPU ms per reply: api {cpu.Api:0.00}, postgres {cpu.Postgres:0.00}; outbox live {row.GetInt64(0)}, dead {row.GetInt64(1)}, autovacuums {row.GetInt64(2)}"));
}

// Report.
string F(double v, string format = "0.0") => v.ToString(format, inv);
var rows = new (string Name, string Value, string Baseline, string Ratio, string Target, bool Met)[]
{
    ("Inbound throughput, end to end (messages/s)", F(throughput, "0"), F(baselineRate, "0") + " (direct creates/s)", F(throughput / baselineRate, "0.00"), "≥ 1,000", throughput >= 1000),
    ("Chatwoot calls per message, steady state", F(callsPerMessage, "0.000"), "1 (one create)", F(callsPerMessage, "0.00"), "≤ 1.05", callsPerMessage <= 1.05),
    ("Accept → Chatwoot p50 at 200 msg/s (ms)", F(Stats.Percentile(acceptToChatwoot, 50)), F(Stats.Percentile(baselineLatency, 50)) + " (direct create p50)", F(Stats.Percentile(acceptToChatwoot, 50) / Stats.Percentile(baselineLatency, 50), "0.0"), "—", true),
    ("Accept → Chatwoot p99 at 200 msg/s (ms)", F(Stats.Percentile(acceptToChatwoot, 99)), F(Stats.Percentile(baselineLatency, 99)) + " (direct create p99)", F(Stats.Percentile(acceptToChatwoot, 99) / Stats.Percentile(baselineLatency, 99), "0.0"), "≤ 100", Stats.Percentile(acceptToChatwoot, 99) <= 100),
    ("Webhook ingress p99 at 500 req/s (ms)", F(Stats.Percentile(webhookLatency, 99)), F(Stats.Percentile(baselineIngress, 99)) + " (direct create p99 at 500/s)", F(Stats.Percentile(webhookLatency, 99) / Stats.Percentile(baselineIngress, 99), "0.0"), "≤ 10", Stats.Percentile(webhookLatency, 99) <= 10),
    ("Peak RSS of the API process (MiB)", F(peakRss, "0"), "—", "—", "≤ 250", peakRss <= 250),
};
var report = new StringBuilder();
report.AppendLine("# Benchmarks").AppendLine();
report.AppendLine($"Measured by `bench/routing/run` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, ");
report.AppendLine("Release build of the API as its own process, a throwaway PostgreSQL (fsync off), the fake Chatwoot and fake engine on loopback ");
report.AppendLine("in the benchmark process. The baseline column is the fake Chatwoot hit directly in the same run, so the ratio shows what RyzeApi adds; ");
report.AppendLine("absolute numbers move with the machine, ratios much less.").AppendLine();
report.AppendLine("| measure | RyzeApi | baseline | ratio | target | met |").AppendLine("|---|---|---|---|---|---|");
foreach (var r in rows)
{
    report.AppendLine($"| {r.Name} | {r.Value} | {r.Baseline} | {r.Ratio} | {r.Target} | {(r.Met ? "yes" : "**no**")} |");
}

report.AppendLine().AppendLine("Workload:").AppendLine();
report.AppendLine($"- Warm-up, not measured: {Chats} WhatsApp chats get their contact and conversation, then {WarmUpCount} messages and {WarmUpCount} agent replies go through, twice more 1000 of each after a 10 s pause, and a last 10 s pause: the runs below see every chat known and a process whose tiered compilation has settled, as a long-running one's has (steady state; see *Warm-up matters* below).");
report.AppendLine($"- Throughput: {ThroughputCount} `message.exchange` events posted by 64 concurrent clients; measured from the first post to the last message created in Chatwoot ({F(throughputSeconds, "0.00")} s; the posts alone took {F(postingSeconds, "0.00")} s). CPU per message: API {F(cpuPerMessage.Api, "0.00")} ms, PostgreSQL {F(cpuPerMessage.Postgres, "0.00")} ms, fakes and load generator {F(cpuPerMessage.Bench, "0.00")} ms.");
report.AppendLine($"- Latency: {LatencyCount} events paced at 200/s; accept = the API's 202, Chatwoot = the fake's creation time of the message.");
report.AppendLine($"- Webhook ingress: {WebhookCount} agent replies paced at 500/s, each created in the fake Chatwoot and posted as its signed `message_created` webhook; latency of the 200 answer, timed from the fake creating the message (p50 {F(Stats.Percentile(webhookLatency, 50))} ms); the POST alone, as the fake timed it: p50 {F(Stats.Percentile(webhookPost, 50))} ms, p99 {F(Stats.Percentile(webhookPost, 99))} ms. Each reply then goes to the engine and its `sent` tick back to Chatwoot, on the same 2 cores; CPU per reply, measured until the last tick: API {F(cpuPerReply.Api, "0.00")} ms, PostgreSQL {F(cpuPerReply.Postgres, "0.00")} ms, fakes and load generator {F(cpuPerReply.Bench, "0.00")} ms. The load generator's own GC paused it {F(benchPause.Ms, "0")} ms in {benchPause.Count} collections during the 10 s (its pauses delay the answers it times).");
report.AppendLine($"- The webhook's slowest answers: {slowest}");
report.AppendLine(chatwoot.AutomaticWebhooks
    ? "- The fake Chatwoot also posts its own `message_created` webhook for every message created, as real Chatwoot does; the API receives and ignores them during the runs."
    : "- The fake Chatwoot's own echo webhooks (which the API ignores) are off, so the fake, the API, PostgreSQL and the load generator share the 2 cores only for the measured work.");
File.WriteAllText(output, report.ToString());
Console.WriteLine(report);
return 0;
