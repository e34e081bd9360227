using System.Diagnostics;
using System.Net.Http.Json;
using RyzeApi.Testing.Chatwoot;

namespace RyzeApi.Bench.Routing;

/// <summary>The headline workload on one database: the baseline, new contacts, warm-up, throughput, latency and
/// webhook ingress.</summary>
internal static class RoutingRun
{
    public const int Chats = 200;

    public static string Chat(int i) => $"55119{i % Chats:D8}";

    public static async Task<RoutingFigures> RunAsync(BenchHost host, Counts n, string label)
    {
        var chatwoot = host.Chatwoot;
        var inbox = host.Inbox;

        // 1. Baseline: the fake Chatwoot hit directly, the same message create the API makes.
        // Spread over as many conversations as the routed runs use, so both sides render the same-sized conversations.
        var baselineConversations = Enumerable.Range(0, Chats).Select(i => chatwoot.AddConversation(inbox.Id,
            chatwoot.AddContact(BenchHost.ChatwootAccount, $"baseline {i}", $"baseline-{i}", null, inbox.Id).Id).Id).ToArray();
        using var direct = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = new Uri(chatwoot.BaseUrl) };
        direct.DefaultRequestHeaders.Add("api_access_token", BenchHost.ChatwootToken);
        Task DirectCreateAsync(int i) => direct.PostAsJsonAsync(
            $"/api/v1/accounts/{BenchHost.ChatwootAccount}/conversations/{baselineConversations[i % Chats]}/messages",
            new { content = "baseline", message_type = "incoming", source_id = $"BASE:{i}" });
        var baselineClock = Stopwatch.StartNew();
        await Pacer.RunFlatOutAsync(n.Baseline, 64, DirectCreateAsync);
        var baselineRate = n.Baseline / baselineClock.Elapsed.TotalSeconds;
        var baselineLatency = await Pacer.RunAsync(n.Latency, 200, i => DirectCreateAsync(n.Baseline + i));
        var baselineIngress = await Pacer.RunAsync(n.Webhook, 500, i => DirectCreateAsync(n.Baseline + n.Latency + i));
        Console.WriteLine($"[{label}] baseline: {baselineRate:0} creates/s, p99 {Stats.Percentile(baselineLatency, 99):0.0} ms");

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
        var newContacts = await NewContacts.MeasureAsync(chatwoot, host.Engine, n.NewContacts, host.PostEventAsync);

        // 3. Warm-up: one message per chat creates its contact and conversation (not steady state); then both
        // directions run for a while, so what is measured is a process past its start-up JIT, as in production.
        var routed = newContacts.Count;
        await Pacer.RunFlatOutAsync(Chats, 32, i => host.PostEventAsync($"WARM{i}", Chat(i)));
        await host.WaitForMessagesAsync(routed += Chats);
        conversations = [.. chatwoot.Conversations.Where(c => c.InboxId == inbox.Id && !baselineConversations.Contains(c.Id)).Select(c => c.Id)];
        await Pacer.RunFlatOutAsync(n.WarmUp, 64, i => host.PostEventAsync($"W{i}", Chat(i)));
        await host.WaitForMessagesAsync(routed += n.WarmUp);
        await Pacer.RunFlatOutAsync(n.WarmUp, 32, PostReplyAsync);
        var replies = n.WarmUp;
        await host.WaitForRepliesAsync(replies);

        // Then quiet, so the runtime's background compiler (starved while the 2 cores are busy) catches up, and a
        // second, smaller round, so what it compiled is what runs.
        for (var round = 1; round <= 2; round++)
        {
            await Task.Delay(n.Quiet);
            await Pacer.RunFlatOutAsync(n.WarmUpRound, 64, i => host.PostEventAsync($"W{round}-{i}", Chat(i)));
            await host.WaitForMessagesAsync(routed += n.WarmUpRound);
            await Pacer.RunFlatOutAsync(n.WarmUpRound, 32, i => PostReplyAsync(replies + i));
            await host.WaitForRepliesAsync(replies += n.WarmUpRound);
        }

        await Task.Delay(n.Quiet);

        // 4. Throughput, steady state: every chat known.
        var cpuBefore = host.Cpu();
        var callsBefore = host.ApiCalls();
        var throughputClock = Stopwatch.StartNew();
        await Pacer.RunFlatOutAsync(n.Throughput, 64, i => host.PostEventAsync($"T{i}", Chat(i)));
        await host.WaitForMessagesAsync(routed += n.Throughput);
        var throughput = n.Throughput / throughputClock.Elapsed.TotalSeconds;
        var callsPerMessage = (host.ApiCalls() - callsBefore) / (double)n.Throughput;
        var cpuPerMessage = host.Cpu().MsPerItemSince(cpuBefore, n.Throughput);
        Console.WriteLine($"[{label}] throughput {throughput:0}/s; CPU ms per message: api {cpuPerMessage.Api:0.00}, postgres {cpuPerMessage.Postgres:0.00}, fakes+load {cpuPerMessage.Bench:0.00}");

        // 5. Accept → Chatwoot latency at 200 messages/s.
        await Pacer.RunAsync(n.Latency, 200, i => host.PostEventAsync($"L{i}", Chat(i)));
        await host.WaitForMessagesAsync(routed += n.Latency);
        var acceptToChatwoot = chatwoot.Messages.Where(m => m.SourceId?.StartsWith("WAID:L", StringComparison.Ordinal) == true)
            .Select(m => (m.CreatedAt - host.Accepted[m.SourceId!["WAID:".Length..]]).TotalMilliseconds).ToList();

        // 6. Webhook ingress at 500 requests/s: signed agent replies, each also sent through the engine.
        var webhookCpuBefore = host.Cpu();
        var stallMeter = new StallMeter();
        var webhookStart = stallMeter.NowMs;
        var webhookStartUtc = DateTimeOffset.UtcNow;
        var webhookLatency = await Pacer.RunAsync(n.Webhook, 500, i => PostReplyAsync(replies + i));
        // The POST alone, as the fake timed it: without the fake creating the message and building the payload first.
        var webhookPost = chatwoot.WebhookDeliveries.Where(d => !d.Automatic && d.SentAt >= webhookStartUtc).Select(d => d.Elapsed.TotalMilliseconds).ToList();
        var slowest = SlowAnswers.Of(webhookLatency, 50, i => webhookStart + i * 1000.0 / 500, stallMeter.Stop());
        await host.WaitForRepliesAsync(replies += n.Webhook);
        var cpuPerReply = host.Cpu().MsPerItemSince(webhookCpuBefore, n.Webhook);
        Console.WriteLine($"[{label}] webhooks p50 {Stats.Percentile(webhookLatency, 50):0.0} ms p99 {Stats.Percentile(webhookLatency, 99):0.0} ms; CPU ms per reply: api {cpuPerReply.Api:0.00}, postgres {cpuPerReply.Postgres:0.00}; {slowest}");

        await SustainedRounds.RunAsync(host, n.Webhook, PostReplyAsync, replies);
        return new RoutingFigures(
            throughput, baselineRate, callsPerMessage, acceptToChatwoot, baselineLatency, webhookLatency, baselineIngress, webhookPost,
            cpuPerMessage, cpuPerReply, host.Api.PeakRssMiB(), slowest, newContacts);
    }
}
