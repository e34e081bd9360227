using OpenTelemetry.Trace;

namespace RyzeApi.WebApi.Hosting.Telemetry;

/// <summary>Which spans are recorded. Without an exporter none is (each is still made, so trace ids reach the logs and
/// the outbox). With one, the configured sampler (<c>OTEL_TRACES_SAMPLER</c>, by default parent-based, always on)
/// decides, except that an outgoing call outside any request or delivery is not recorded: the outbox's claims and
/// group-commit writes run every few milliseconds in the background, and would each be a trace of their own.</summary>
internal sealed class TraceSampling(Sampler configured, bool exporting) : Sampler
{
    private static readonly SamplingResult s_drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (!exporting || (samplingParameters.ParentContext.TraceId == default && samplingParameters.Kind == System.Diagnostics.ActivityKind.Client))
        {
            return s_drop;
        }

        return configured.ShouldSample(samplingParameters);
    }
}
