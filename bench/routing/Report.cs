using System.Globalization;
using System.Text;

namespace RyzeApi.Bench.Routing;

/// <summary>What one run measured, written as the generated part of docs/benchmarks.md.</summary>
internal sealed record Report(
    double Throughput, double BaselineRate, double CallsPerMessage,
    IReadOnlyList<double> AcceptToChatwoot, IReadOnlyList<double> BaselineLatency,
    IReadOnlyList<double> Webhook, IReadOnlyList<double> BaselineIngress, IReadOnlyList<double> WebhookPost,
    Cpu PerMessage, Cpu PerReply, double PeakRssMiB, SlowAnswers Slowest, NewContacts NewContacts, int Chats, int ThroughputCount,
    int LatencyCount, int WebhookCount)
{
    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    public string ToMarkdown()
    {
        var accept50 = Stats.Percentile(AcceptToChatwoot, 50);
        var accept99 = Stats.Percentile(AcceptToChatwoot, 99);
        var webhook99 = Stats.Percentile(Webhook, 99);
        var rows = new (string Name, string Value, string Baseline, string Ratio, string Target, bool? Met)[]
        {
            ("Inbound throughput, end to end (messages/s)", F(Throughput, "0"), F(BaselineRate, "0") + " direct creates/s", F(Throughput / BaselineRate, "0.00"), "≥ 1,000", Throughput >= 1000),
            ("Chatwoot calls per message, steady state", F(CallsPerMessage, "0.000"), "1 (one create)", F(CallsPerMessage, "0.00"), "≤ 1.05", CallsPerMessage <= 1.05),
            ("New contact's first message: Chatwoot calls up to its creation (mean, most)", $"{F(NewContacts.MeanBefore, "0.00")}, {NewContacts.MostBefore}", "3 (contact, conversation, message)", "—", "≤ 3", NewContacts.MostBefore <= 3),
            ("New contact's first message: Chatwoot calls after it (picture, name)", F(NewContacts.MeanAfter, "0.00"), "—", "—", "—", null),
            ("Accept → Chatwoot p50 at 200 msg/s (ms)", F(accept50), F(Stats.Percentile(BaselineLatency, 50)) + " direct create", F(accept50 / Stats.Percentile(BaselineLatency, 50)), "—", null),
            ("Accept → Chatwoot p99 at 200 msg/s (ms)", F(accept99), F(Stats.Percentile(BaselineLatency, 99)) + " direct create", F(accept99 / Stats.Percentile(BaselineLatency, 99)), "≤ 100", accept99 <= 100),
            ("Webhook ingress p99 at 500 req/s (ms)", F(webhook99), F(Stats.Percentile(BaselineIngress, 99)) + " direct create", F(webhook99 / Stats.Percentile(BaselineIngress, 99)), "≤ 10", webhook99 <= 10),
            ("CPU per WhatsApp message, API + PostgreSQL (ms)", $"{F(PerMessage.Api + PerMessage.Postgres, "0.00")} ({F(PerMessage.Api, "0.00")} + {F(PerMessage.Postgres, "0.00")})", "—", "—", "—", null),
            ("CPU per agent reply, API + PostgreSQL (ms)", $"{F(PerReply.Api + PerReply.Postgres, "0.00")} ({F(PerReply.Api, "0.00")} + {F(PerReply.Postgres, "0.00")})", "—", "—", "—", null),
            ("Peak RSS of the API process (MiB)", F(PeakRssMiB, "0"), "—", "—", "≤ 250", PeakRssMiB <= 250),
        };

        var md = new StringBuilder();
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine(string.Create(s_inv, $"How fast RyzeApi routes messages and what it costs, measured by `bench/routing/run` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        md.AppendLine($"({Environment.ProcessorCount} cores, .NET {Environment.Version}). The baseline is the fake Chatwoot hit directly in the same run: absolute");
        md.AppendLine("numbers move with the machine, the ratio much less.").AppendLine();
        md.AppendLine("| measure | RyzeApi | baseline | ratio | target | met |").AppendLine("|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            md.AppendLine($"| {r.Name} | {r.Value} | {r.Baseline} | {r.Ratio} | {r.Target} | {(r.Met switch { true => "yes", false => "**no**", null => "—" })} |");
        }

        md.AppendLine().AppendLine("## How it was measured").AppendLine();
        md.AppendLine("- The API's Release build runs as its own process against a throwaway PostgreSQL; the fake Chatwoot and fake engine run");
        md.AppendLine("  on loopback in the benchmark process, which also generates the load.");
        md.AppendLine($"- Warm-up, not measured: {Chats} WhatsApp chats get their contact and conversation, then messages and agent replies run");
        md.AppendLine("  with quiet pauses until the runtime's tiered compilation has settled, as in a process that has run for minutes.");
        md.AppendLine($"- New contacts: {NewContacts.Count} chats never seen before, one at a time, each left to settle; the calls counted are the");
        md.AppendLine("  fake Chatwoot's, up to the message's creation (which counts) and after it.");
        md.AppendLine($"- Throughput: {ThroughputCount} `message.exchange` events from 64 concurrent clients, from the first post to the last message");
        md.AppendLine("  created in Chatwoot. Latency: 2000 events paced at 200/s, from the API's 202 to the fake's creation of the message.");
        md.AppendLine($"- Webhook ingress: {WebhookCount} signed `message_created` webhooks paced at 500/s; each reply then goes to the engine and");
        md.AppendLine(string.Create(s_inv, $"  its `sent` tick back to Chatwoot. The POST alone, as the fake timed it: p50 {Stats.Percentile(WebhookPost, 50):0.0} ms, p99 {Stats.Percentile(WebhookPost, 99):0.0} ms; {Slowest}"));
        md.AppendLine(string.Create(s_inv, $"- CPU from /proc for the API, every `postgres` process and the bench process (fakes and load: {PerMessage.Bench:0.00} ms per message,"));
        md.AppendLine(string.Create(s_inv, $"  {PerReply.Bench:0.00} ms per reply), over each phase until its last Chatwoot call."));
        return md.ToString();
    }

    private static string F(double value, string format = "0.0") => value.ToString(format, s_inv);
}
