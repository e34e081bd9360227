using System.Globalization;
using System.Text;
using static RyzeApi.Bench.Routing.RoutingFigures;

namespace RyzeApi.Bench.Routing;

/// <summary>The scale, activation and method sections of docs/benchmarks.md.</summary>
internal static class ReportSections
{
    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    public static void Scale(StringBuilder md, IReadOnlyList<ScaleStep> steps)
    {
        var (small, large) = (steps[0], steps[^1]);
        md.AppendLine("## At scale").AppendLine();
        md.AppendLine(string.Create(s_inv, $"The same {small.Messages} messages to the same 1,000 chats of {ScalePhase.Routed} integrations, on the durable database, first with"));
        md.AppendLine(string.Create(s_inv, $"{small.Integrations:N0} active integrations in it, then with {large.Integrations:N0} and {large.Chats:N0} known chats (one API process throughout)."));
        md.AppendLine().AppendLine($"| measure | {small.Integrations:N0} integrations | {large.Integrations:N0} integrations | ratio | target | met |");
        md.AppendLine("|---|---|---|---|---|---|");
        var (cpuSmall, cpuLarge) = (small.PerMessage.Api + small.PerMessage.Postgres, large.PerMessage.Api + large.PerMessage.Postgres);
        Line(md, "Known chats in the database", small.Chats.ToString("N0", s_inv), large.Chats.ToString("N0", s_inv), null, "—", null);
        Line(md, "Messages/s, end to end", F(small.Throughput, "0"), F(large.Throughput, "0"), large.Throughput / small.Throughput, "—", null);
        Line(md, "Chatwoot calls per message", F(small.CallsPerMessage, "0.000"), F(large.CallsPerMessage, "0.000"), null, "≤ 1.05", large.CallsPerMessage <= 1.05);
        Line(md, "CPU per message, API (ms)", F(small.PerMessage.Api, "0.00"), F(large.PerMessage.Api, "0.00"), large.PerMessage.Api / small.PerMessage.Api, "—", null);
        Line(md, "CPU per message, PostgreSQL (ms)", F(small.PerMessage.Postgres, "0.00"), F(large.PerMessage.Postgres, "0.00"), large.PerMessage.Postgres / small.PerMessage.Postgres, "—", null);
        Line(md, "CPU per message, API + PostgreSQL (ms)", F(cpuSmall, "0.00"), F(cpuLarge, "0.00"), cpuLarge / cpuSmall, "ratio ≤ 1.20", cpuLarge / cpuSmall <= 1.20);
        var (claimSmall, claimLarge) = (Stats.Percentile(small.Claim.Ms, 50), Stats.Percentile(large.Claim.Ms, 50));
        Line(md, "Claim of 200 due rows in PostgreSQL, p50 (ms)", F(claimSmall, "0.00"), F(claimLarge, "0.00"), claimLarge / claimSmall, "ratio ≤ 1.20", claimLarge / claimSmall <= 1.20);
        Line(md, "Claim of 200 due rows in PostgreSQL, p95 (ms)", F(Stats.Percentile(small.Claim.Ms, 95), "0.00"), F(Stats.Percentile(large.Claim.Ms, 95), "0.00"), null, "—", null);
        var (pagesSmall, pagesLarge) = (Stats.Percentile(small.Claim.Pages, 50), Stats.Percentile(large.Claim.Pages, 50));
        Line(md, "Claim of 200 due rows: buffer pages touched, p50", F(pagesSmall, "0"), F(pagesLarge, "0"), pagesLarge / pagesSmall, "—", null);
        Line(md, "API working set after the step (MiB)", F(small.Memory.WorkingSetMiB, "0"), F(large.Memory.WorkingSetMiB, "0"), large.Memory.WorkingSetMiB / small.Memory.WorkingSetMiB, "ratio ≤ 1.20", large.Memory.WorkingSetMiB / small.Memory.WorkingSetMiB <= 1.20);
        Line(md, "API GC heap after the step (MiB)", F(small.Memory.GcHeapMiB), F(large.Memory.GcHeapMiB), large.Memory.GcHeapMiB / small.Memory.GcHeapMiB, "—", null);
        md.AppendLine();
    }

    public static void Activation(StringBuilder md, CallTimes activate, CallTimes info)
    {
        md.AppendLine("## Activation and the info call").AppendLine();
        md.AppendLine(string.Create(s_inv, $"{activate.Total.Count} activations of new instances, one at a time, each followed by its info call, on the durable database after the"));
        md.AppendLine("scale phase. RyzeApi's own time is the call's time less the fake Chatwoot's own time for the work it was asked (the");
        md.AppendLine("inbox's creation; the inbox's read), as the fake timed it in the same run. Milliseconds.").AppendLine();
        md.AppendLine("| call | p50 | p95 | fake Chatwoot's share, p50 | RyzeApi's own, p50 | RyzeApi's own, p95 |");
        md.AppendLine("|---|---|---|---|---|---|");
        Times(md, "Activation, `POST /api/chatwoot/set/{instance}`", activate);
        Times(md, "Info, `GET /api/chatwoot/list/{instance}`", info);
        md.AppendLine();
    }

    public static void HowMeasured(StringBuilder md, Report report)
    {
        var (n, durable, fast) = (report.Counts, report.Durable, report.Fast);
        md.AppendLine("## How it was measured").AppendLine();
        md.AppendLine("- Two throwaway PostgreSQL clusters, started by the script: the durable one with the server's defaults, the fast one with");
        md.AppendLine("  `fsync=off synchronous_commit=off full_page_writes=off`. For each, the API's Release build runs as its own process against");
        md.AppendLine("  it, with the fake Chatwoot and fake engine on loopback in the benchmark process, which also generates the load.");
        md.AppendLine($"- Warm-up, not measured: {RoutingRun.Chats} WhatsApp chats get their contact and conversation, then messages and agent replies run");
        md.AppendLine("  with quiet pauses until the runtime's tiered compilation has settled, as in a process that has run for minutes.");
        md.AppendLine($"- New contacts: {durable.NewContacts.Count} chats never seen before, one at a time, each left to settle; the calls counted are the");
        md.AppendLine("  fake Chatwoot's, up to the message's creation (which counts) and after it.");
        md.AppendLine($"- Throughput: {n.Throughput} `message.exchange` events from 64 concurrent clients, from the first post to the last message");
        md.AppendLine($"  created in Chatwoot. Latency: {n.Latency} events paced at 200/s, from the API's 202 to the fake's creation of the message.");
        md.AppendLine($"- Webhook ingress: {n.Webhook} signed `message_created` webhooks paced at 500/s; each reply then goes to the engine and");
        md.AppendLine("  its `sent` tick back to Chatwoot. The POST alone, as the fake timed it:");
        md.AppendLine(string.Create(s_inv, $"  durable p50 {Stats.Percentile(durable.WebhookPost, 50):0.0} ms, p99 {Stats.Percentile(durable.WebhookPost, 99):0.0} ms; fast p50 {Stats.Percentile(fast.WebhookPost, 50):0.0} ms, p99 {Stats.Percentile(fast.WebhookPost, 99):0.0} ms."));
        md.AppendLine($"  Durable: {durable.Slowest}");
        md.AppendLine($"  Fast: {fast.Slowest}");
        md.AppendLine("- CPU from /proc for the API, the PostgreSQL server of the run (its main process and all its children) and the bench");
        md.AppendLine(string.Create(s_inv, $"  process (fakes and load: {durable.PerMessage.Bench:0.00} ms per message and {durable.PerReply.Bench:0.00} ms per reply durable,"));
        md.AppendLine(string.Create(s_inv, $"  {fast.PerMessage.Bench:0.00} and {fast.PerReply.Bench:0.00} fast), over each phase until its last Chatwoot call."));
        md.AppendLine("- At scale: the integrations are made by SQL (each with its instance, its token encrypted for its row with the API's");
        md.AppendLine("  key, and copies of the bench integration's first 10 chats and conversations), then `ANALYZE`. Each step first routes");
        md.AppendLine(string.Create(s_inv, $"  a quarter of its load unmeasured, then {n.ScaleMessages} messages from 64 concurrent clients. The claim is the API's own"));
        md.AppendLine("  statement under `EXPLAIN (ANALYZE, BUFFERS, TIMING OFF)` with 200 due rows (one per chat) inserted in a transaction that is");
        md.AppendLine("  then rolled back: planning plus execution, and the pages it touched (which, unlike the time, the machine does not");
        md.AppendLine("  move), repeated. Memory after each step: the API's resident set from /proc and its GC heap from the runtime's");
        md.AppendLine("  `gc-heap-size` counter, read through its diagnostics port.");
        var (small, large) = (report.Scale[0], report.Scale[^1]);
        md.AppendLine(string.Create(s_inv, $"  Seeding took {small.SeedTime.TotalSeconds:0.0} s for the first step and {large.SeedTime.TotalSeconds:0.0} s for the {large.Integrations - small.Integrations:N0} integrations of the second."));
        md.AppendLine();
    }

    private static void Line(StringBuilder md, string name, string small, string large, double? ratio, string target, bool? met) =>
        md.AppendLine($"| {name} | {small} | {large} | {(ratio is { } r ? F(r, "0.00") : "—")} | {target} | {(met switch { true => "yes", false => "**no**", null => "—" })} |");

    private static void Times(StringBuilder md, string name, CallTimes times) => md.AppendLine(
        $"| {name} | {F(Stats.Percentile(times.Total, 50))} | {F(Stats.Percentile(times.Total, 95))} | {F(Stats.Percentile(times.Fake, 50))} | {F(Stats.Percentile(times.Own, 50))} | {F(Stats.Percentile(times.Own, 95))} |");
}
