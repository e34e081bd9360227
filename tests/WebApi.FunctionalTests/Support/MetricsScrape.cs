using System.Globalization;
using System.Text.RegularExpressions;

namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>One scrape of <c>/metrics</c> in Prometheus' text format, read the way Prometheus reads it: each sample is
/// a name, its labels and a value.</summary>
public sealed partial class MetricsScrape(string text)
{
    public string Text { get; } = text;

    public IReadOnlyList<Sample> Samples { get; } = [.. Parse(text)];

    public static async Task<MetricsScrape> ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return new MetricsScrape(body);
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include <paramref name="labels"/>
    /// (<c>"key=value"</c> each); 0 when there is none.</summary>
    public double Sum(string name, params string[] labels) => Matching(name, labels).Sum(s => s.Value);

    /// <summary>The one sample named <paramref name="name"/> with these labels, or null when there is none.</summary>
    public double? Single(string name, params string[] labels) => Matching(name, labels).SingleOrDefault()?.Value;

    public IEnumerable<Sample> Matching(string name, params string[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l[..l.IndexOf('=')]) == l[(l.IndexOf('=') + 1)..]));

    private static IEnumerable<Sample> Parse(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.That(match.Success, $"not a sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => Regex.Unescape(m.Groups["value"].Value));
            yield return new Sample(match.Groups["name"].Value, labels, Number(match.Groups["value"].Value));
        }
    }

    private static double Number(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(value, CultureInfo.InvariantCulture),
    };

    /// <summary>RyzeApi's own samples, for a failing assertion's message.</summary>
    public override string ToString() =>
        string.Join("\n", Text.Split('\n').Where(l => l.StartsWith("ryzeapi_", StringComparison.Ordinal) && !l.Contains("_bucket{", StringComparison.Ordinal)));

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex LabelPair();

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
