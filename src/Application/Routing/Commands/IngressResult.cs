namespace RyzeApi.Application.Routing.Commands;

/// <summary>What became of an inbound event: recorded for delivery, already recorded, or not routed (and why).</summary>
public sealed record IngressResult(string Outcome, string Message)
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
    public const string Ignored = "ignored";

    public static IngressResult Recorded() => new(Accepted, "event recorded for delivery");

    public static IngressResult AlreadyRecorded() => new(Duplicate, "event already recorded; delivered once");

    public static IngressResult NotRouted(string reason) => new(Ignored, "event ignored: " + reason);
}
