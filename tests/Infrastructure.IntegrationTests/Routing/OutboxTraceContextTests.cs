using System.Diagnostics;

namespace RyzeApi.Infrastructure.IntegrationTests.Routing;

/// <summary>A row keeps the trace context of whoever recorded it, through the group-commit writer, and its claim hands
/// it back; a row recorded outside a trace, or before the column existed, has none.</summary>
public sealed class OutboxTraceContextTests : OutboxRowsTestBase
{
    [Test]
    public async Task Claim_RowsRecordedInsideAndOutsideATrace_ReturnEachRowsOwnContext()
    {
        // Arrange
        string recordedIn;
        using (var request = new Activity("webhook request").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            recordedIn = request.Id!;
            await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        }

        await Outbox.EnqueueAsync(Item(Chat("chat-b"), "wa:2"), CancellationToken.None);

        // Act
        var claimed = await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(claimed.Select(i => i.TraceParent), Is.EqualTo(new[] { recordedIn, null }));
        Assert.That(recordedIn, Does.Match("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$"), "a W3C traceparent");
    }

    [Test]
    public async Task Complete_WithAFollowUpMadeDuringTheDelivery_TheFollowUpKeepsTheDeliverysContext()
    {
        // Arrange
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        var first = (await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None)).Single();
        string deliveredIn;
        NewOutboxItem followUp;
        using (var delivery = new Activity("deliver whatsapp_message").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            deliveredIn = delivery.Id!;
            followUp = Item(Chat("profile-31"), "profile:31");
        }

        // Act: recorded by the writer, outside the delivery's span
        await Outbox.CompleteAsync(first, null, followUp, CancellationToken.None);
        var next = await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(next.Single().TraceParent, Is.EqualTo(deliveredIn));
    }

    [Test]
    public async Task Claim_ARowWrittenWithoutTheColumn_HasNoContext()
    {
        // Arrange: as a process of the version before this column inserts
        await Database.ExecuteAsync($"""
            INSERT INTO outbox (integration_id, kind, lane_kind, lane_key, dedupe_key, payload)
            VALUES ('{IntegrationId}', 'whatsapp_message', 'chat', 'chat-old', 'wa:old', '{Payload("wa:old")}')
            """);

        // Act
        var claimed = await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(claimed.Single().TraceParent, Is.Null);
    }
}
