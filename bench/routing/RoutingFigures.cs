using System.Globalization;

namespace RyzeApi.Bench.Routing;

/// <summary>One row of the headline table, for one database.</summary>
internal sealed record Row(string Name, string Value, string Baseline, string Ratio, string Target, bool? Met);

/// <summary>What the headline workload measured on one database.</summary>
internal sealed record RoutingFigures(
    double Throughput, double BaselineRate, double CallsPerMessage,
    IReadOnlyList<double> AcceptToChatwoot, IReadOnlyList<double> BaselineLatency,
    IReadOnlyList<double> Webhook, IReadOnlyList<double> BaselineIngress, IReadOnlyList<double> WebhookPost,
    Cpu PerMessage, Cpu PerReply, double PeakRssMiB, SlowAnswers Slowest, NewContacts NewContacts)
{
    public IReadOnlyList<Row> Rows()
    {
        var accept50 = Stats.Percentile(AcceptToChatwoot, 50);
        var accept99 = Stats.Percentile(AcceptToChatwoot, 99);
        var webhook99 = Stats.Percentile(Webhook, 99);
        return
        [
            new("Inbound throughput, end to end (messages/s)", F(Throughput, "0"), F(BaselineRate, "0") + " creates/s", F(Throughput / BaselineRate, "0.00"), "≥ 1,000", Throughput >= 1000),
            new("Chatwoot calls per message, steady state", F(CallsPerMessage, "0.000"), "1", F(CallsPerMessage, "0.00"), "≤ 1.05", CallsPerMessage <= 1.05),
            new("New contact's first message: Chatwoot calls up to its creation (mean, most)", $"{F(NewContacts.MeanBefore, "0.00")}, {NewContacts.MostBefore}", "3", "—", "≤ 3", NewContacts.MostBefore <= 3),
            new("New contact's first message: Chatwoot calls after it (picture, name)", F(NewContacts.MeanAfter, "0.00"), "—", "—", "—", null),
            new("Accept → Chatwoot p50 at 200 msg/s (ms)", F(accept50), F(Stats.Percentile(BaselineLatency, 50)), F(accept50 / Stats.Percentile(BaselineLatency, 50)), "—", null),
            new("Accept → Chatwoot p99 at 200 msg/s (ms)", F(accept99), F(Stats.Percentile(BaselineLatency, 99)), F(accept99 / Stats.Percentile(BaselineLatency, 99)), "≤ 100", accept99 <= 100),
            new("Webhook ingress p99 at 500 req/s (ms)", F(webhook99), F(Stats.Percentile(BaselineIngress, 99)), F(webhook99 / Stats.Percentile(BaselineIngress, 99)), "≤ 10", webhook99 <= 10),
            new("CPU per WhatsApp message, API + PostgreSQL (ms)", $"{F(PerMessage.Api + PerMessage.Postgres, "0.00")} ({F(PerMessage.Api, "0.00")} + {F(PerMessage.Postgres, "0.00")})", "—", "—", "—", null),
            new("CPU per agent reply, API + PostgreSQL (ms)", $"{F(PerReply.Api + PerReply.Postgres, "0.00")} ({F(PerReply.Api, "0.00")} + {F(PerReply.Postgres, "0.00")})", "—", "—", "—", null),
            new("Peak RSS of the API process (MiB)", F(PeakRssMiB, "0"), "—", "—", "≤ 250", PeakRssMiB <= 250),
        ];
    }

    public static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
