using System.Globalization;
using System.Text;

namespace RyzeApi.Bench.Routing;

/// <summary>What one run measured, written as the generated part of docs/benchmarks.md: the headline workload on a
/// durable and on a fast PostgreSQL, the scale phase and the activation.</summary>
internal sealed record Report(
    RoutingFigures Durable, RoutingFigures Fast, IReadOnlyList<ScaleStep> Scale, CallTimes Activate, CallTimes Info,
    Counts Counts, string PostgresVersion)
{
    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine(string.Create(s_inv, $"How fast RyzeApi routes messages and what it costs, measured by `bench/routing/run` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        md.AppendLine($"({Environment.ProcessorCount} cores, .NET {Environment.Version}, PostgreSQL {PostgresVersion}){(Counts.Quick ? ", in quick mode (`BENCH_QUICK=1`: a fifth of the load; not for quoting)" : "")}.");
        md.AppendLine("Each workload runs twice in the same invocation: on a **durable** PostgreSQL (its defaults: `fsync`, `synchronous_commit`");
        md.AppendLine("and `full_page_writes` on, every commit flushed to disk before it is acknowledged) and on a **fast** one (all three off,");
        md.AppendLine("as a throwaway test database runs). The baseline is the fake Chatwoot hit directly in the same run: absolute numbers");
        md.AppendLine("move with the machine, the ratio much less.").AppendLine();
        md.AppendLine("| measure | durable | fast | baseline (durable; fast run) | ratio (durable; fast) | target | met (durable; fast) |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (d, f) in Durable.Rows().Zip(Fast.Rows()))
        {
            var baseline = d.Baseline == "—" ? "—" : d.Baseline == f.Baseline ? d.Baseline : $"{d.Baseline}; {f.Baseline}";
            var ratio = d.Ratio == "—" ? "—" : $"{d.Ratio}; {f.Ratio}";
            var met = d.Met is null ? "—" : $"{Met(d.Met)}; {Met(f.Met)}";
            md.AppendLine($"| {d.Name} | {d.Value} | {f.Value} | {baseline} | {ratio} | {d.Target} | {met} |");
        }

        md.AppendLine();
        ReportSections.Scale(md, Scale);
        ReportSections.Activation(md, Activate, Info);
        ReportSections.HowMeasured(md, this);
        return md.ToString();
    }

    private static string Met(bool? met) => met == true ? "yes" : "**no**";
}
