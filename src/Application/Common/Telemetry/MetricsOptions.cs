using RyzeApi.Application.Common.Options;

namespace RyzeApi.Application.Common.Telemetry;

/// <summary>Metrics settings (section <c>Metrics</c>; docs/operations.md, "Metrics").</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Off: no <c>/metrics</c> endpoint and no backlog query (OTLP export still follows
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When set, <c>/metrics</c> answers only <c>Authorization: Bearer &lt;token&gt;</c>, from anywhere; unset,
    /// only callers on the loopback interface (docs/adr/0032-metrics-endpoint-access.md).</summary>
    [MinimumText("Metrics__ScrapeToken", 16)]
    public string? ScrapeToken { get; set; }

    /// <summary>How often the outbox backlog and the integrations by status are read: one query per process per
    /// interval, whatever the number of integrations or scrapes.</summary>
    [Duration("Metrics__BacklogInterval", "00:00:00.100", "01:00:00")]
    public TimeSpan BacklogInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many integrations get their own <c>ryzeapi_instance</c> label on the backlog gauges (the most
    /// behind first); the others are summed under <see cref="BacklogMetrics.OtherIntegrations"/>.</summary>
    [Between("Metrics__TopIntegrations", 1, 500)]
    public int TopIntegrations { get; set; } = 20;

    /// <summary>How old an integration's oldest pending delivery must be for it to be named. Every busy integration has a
    /// delivery pending for a moment: naming those would make a new series for a different instance at every sample.</summary>
    [Duration("Metrics__BacklogNamedAfter", "00:00:00", "1.00:00:00")]
    public TimeSpan BacklogNamedAfter { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>A text setting that, when set, has at least <paramref name="minimum"/> characters.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumTextAttribute(string setting, int minimum) : SettingRuleAttribute(setting)
{
    protected override bool Accepts(object? value) => value is not string text || text.Length == 0 || text.Length >= minimum;

    protected override string Requirement => $"must have at least {minimum} characters when set";
}

/// <summary>Generated from the attributes on <see cref="MetricsOptions"/>.</summary>
[OptionsValidator]
public sealed partial class MetricsOptionsValidator : IValidateOptions<MetricsOptions>;
