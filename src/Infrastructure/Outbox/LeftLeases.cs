using System.Globalization;
using Microsoft.Extensions.Logging;
using RyzeApi.Application.Outbox;

namespace RyzeApi.Infrastructure.Outbox;

/// <summary>What a starting process's workers wait for: rows still leased, by a process that crashed (or by another
/// replica, still alive). They are claimed again once their leases run out; the log names those chats and until when,
/// so a pause after a restart is explained, and says when it is over.</summary>
internal static class LeftLeases
{
    private const int Listed = 20;

    /// <param name="self">The prefix of this process's worker names: its own leases are no recovery.</param>
    public static async Task ReportAsync(IOutboxStore outbox, string self, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        IReadOnlyList<LeasedLane> lanes;
        try
        {
            lanes = await outbox.LeasedLanesAsync(self + "/", Listed + 1, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // A report only: the workers go on whatever happens here.
            logger.LogWarning("Could not read which outbox rows are leased at start-up: {Reason}", exception.Message);
            return;
        }

        if (lanes is not { Count: > 0 })
        {
            return;
        }

        var last = lanes.Max(l => l.Until);
        var listed = string.Join("; ", lanes.Take(Listed).Select(Describe)) + (lanes.Count > Listed ? "; and more" : string.Empty);
        logger.LogInformation(
            "Outbox: {Count} lanes are leased by another process (one that stopped, or another replica); they wait until their leases run out, the last at {Until:O}: {Lanes}",
            lanes.Count > Listed ? $"over {Listed}" : lanes.Count.ToString(CultureInfo.InvariantCulture), last, listed);

        var wait = last - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        logger.LogInformation("Outbox: the leases found at start-up have run out; those lanes are claimed again");
    }

    private static string Describe(LeasedLane lane) =>
        $"{lane.Lane.Kind.ToName()} {lane.Lane.Key} of {lane.IntegrationId}: {lane.Rows} rows until {lane.Until.UtcDateTime:HH:mm:ss.fff}Z by {lane.LeasedBy}";
}
