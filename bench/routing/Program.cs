using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
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
// Off by default: the echo webhooks real Chatwoot would post (the API ignores them) compete with what is measured.
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
    await IngressProbe.RunAsync(api, http, inbox.WebhookUrl!, inbox.Secret);
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
// An agent replies in the fake Chatwoot: it creates the message and posts its signed message_created webhook, as Chatwoot does.
async Task PostReplyAsync(int i)
{
    using var response = await chatwoot.SendAgentReplyAsync(conversations[i % conversations.Length], $"resposta {i}");
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"webhook {i}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

// 2. A new contact's first message, one at a time: the calls before it is created, and after.
var newContacts = await NewContacts.MeasureAsync(chatwoot, engine, 20, PostEventAsync);

// 3. Warm-up: one message per chat creates its contact and conversation (not steady state); then both
// directions run for a while, so what is measured is a process past its start-up JIT, as in production.
var routed = newContacts.Count;
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

// 4. Throughput, steady state: every chat known.
var cpuBefore = Cpu.Now(api.Pid);
const int ThroughputCount = 5000;
var callsBefore = ApiCalls();
var throughputClock = Stopwatch.StartNew();
await Pacer.RunFlatOutAsync(ThroughputCount, 64, i => PostEventAsync($"T{i}", Chat(i)));
var postingSeconds = throughputClock.Elapsed.TotalSeconds;
await WaitForMessagesAsync(routed += ThroughputCount);
var throughputSeconds = throughputClock.Elapsed.TotalSeconds;
var throughput = ThroughputCount / throughputSeconds;
var callsPerMessage = (ApiCalls() - callsBefore) / (double)ThroughputCount;
var cpuPerMessage = Cpu.Now(api.Pid).MsPerItemSince(cpuBefore, ThroughputCount);
Console.WriteLine($"throughput {throughput:0}/s, posts {postingSeconds:0.00} s of {throughputSeconds:0.00} s; CPU ms per message: api {cpuPerMessage.Api:0.00}, postgres {cpuPerMessage.Postgres:0.00}, fakes+load {cpuPerMessage.Bench:0.00}");

// 5. Accept → Chatwoot latency at 200 messages/s.
const int LatencyCount = 2000;
await Pacer.RunAsync(LatencyCount, 200, i => PostEventAsync($"L{i}", Chat(i)));
await WaitForMessagesAsync(routed += LatencyCount);
var landed = chatwoot.Messages.Where(m => m.SourceId?.StartsWith("WAID:L", StringComparison.Ordinal) == true)
    .ToDictionary(m => m.SourceId!["WAID:".Length..], m => m.CreatedAt);
var acceptToChatwoot = landed.Select(p => (p.Value - accepted[p.Key]).TotalMilliseconds).ToList();

// 6. Webhook ingress at 500 requests/s: signed agent replies, each also sent through the engine.
const int WebhookCount = 5000;
var webhookCpuBefore = Cpu.Now(api.Pid);
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
var cpuPerReply = Cpu.Now(api.Pid).MsPerItemSince(webhookCpuBefore, WebhookCount);
Console.WriteLine($"webhooks p50 {Stats.Percentile(webhookLatency, 50):0.0} ms p99 {Stats.Percentile(webhookLatency, 99):0.0} ms (the POST alone: {webhookPost.Count} p50 {Stats.Percentile(webhookPost, 50):0.0} ms p99 {Stats.Percentile(webhookPost, 99):0.0} ms); CPU ms per reply: api {cpuPerReply.Api:0.00}, postgres {cpuPerReply.Postgres:0.00}, fakes+load {cpuPerReply.Bench:0.00}; load generator GC: {benchPause.Count} collections, {benchPause.Ms:0} ms paused; {slowest}");
var peakRss = api.PeakRssMiB();

// Diagnostic: BENCH_SUSTAINED_ROUNDS=N repeats the webhook phase N more times back to back (a sustained 500/s),
// with the outbox's dead row versions and autovacuum runs after each round; not in the report.
var sustainedRounds = int.Parse(Environment.GetEnvironmentVariable("BENCH_SUSTAINED_ROUNDS") ?? "0", inv);
for (var round = 1; round <= sustainedRounds; round++)
{
    var before = Cpu.Now(api.Pid);
    var latency = await Pacer.RunAsync(WebhookCount, 500, i => PostReplyAsync(replies + i));
    await WaitForRepliesAsync(replies += WebhookCount);
    var cpu = Cpu.Now(api.Pid).MsPerItemSince(before, WebhookCount);
    await using var db = new Npgsql.NpgsqlConnection(connectionString);
    await db.OpenAsync();
    await using var stats = new Npgsql.NpgsqlCommand(
        "SELECT n_live_tup, n_dead_tup, autovacuum_count FROM pg_stat_user_tables WHERE relname = 'outbox'", db);
    await using var row = await stats.ExecuteReaderAsync();
    await row.ReadAsync();
    Console.WriteLine(string.Create(inv, $"sustained round {round}: p50 {Stats.Percentile(latency, 50):0.0} ms p99 {Stats.Percentile(latency, 99):0.0} ms; CPU ms per reply: api {cpu.Api:0.00}, postgres {cpu.Postgres:0.00}; outbox live {row.GetInt64(0)}, dead {row.GetInt64(1)}, autovacuums {row.GetInt64(2)}"));
}

var report = new Report(
    throughput, baselineRate, callsPerMessage, acceptToChatwoot, baselineLatency, webhookLatency, baselineIngress, webhookPost,
    cpuPerMessage, cpuPerReply, peakRss, slowest, newContacts, Chats, ThroughputCount, LatencyCount, WebhookCount).ToMarkdown();
File.WriteAllText(output, report);
Console.WriteLine(report);
return 0;
