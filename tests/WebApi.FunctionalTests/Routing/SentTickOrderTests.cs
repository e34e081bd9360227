using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>The "sent" tick never lands after the engine's "delivered": the engine reports as soon as it has sent,
/// while the tick is still on its way to Chatwoot. With a retry base delay of 2 s, the tick is given 500 ms before it
/// is queued instead (the production figures).</summary>
public sealed class SentTickOrderTests : RoutingTestBase
{
    protected override IReadOnlyDictionary<string, string?> RoutingOverrides => new Dictionary<string, string?>
    {
        ["Routing:RetryBaseDelay"] = "00:00:02",
        ["Routing:RetryMaxDelay"] = "00:00:10",
    };

    [Test]
    public async Task DeliveredReportedWhileChatwootTakesTheTick_EndsDelivered()
    {
        // Arrange: Chatwoot takes 250 ms over the tick, within its 500 ms
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        Chatwoot.Script(FakeFault.Slow(TimeSpan.FromMilliseconds(250)), matching: r => r.Method == "PATCH");

        // Act
        var reply = await DeliveredReportedAsSoonAsSentAsync(conversation.Id);

        // Assert: the report found no message until the tick was in, and waited
        await Eventually.WaitAsync(() => MessageNow(reply).Status, s => s == "delivered", "the delivered tick");
        await SettledAsync();
        Assert.That(StatusesOf(reply), Is.EqualTo(new[] { "sent", "delivered" }));
        Assert.That(MessageNow(reply).Status, Is.EqualTo("delivered"));
    }

    [Test]
    public async Task DeliveredReportedWhileTheTickIsGivenUpAndQueued_EndsDelivered()
    {
        // Arrange: Chatwoot would take 5 s over the tick; it is given up after 500 ms and queued behind the report
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        Chatwoot.Script(FakeFault.Slow(TimeSpan.FromSeconds(5)), matching: r => r.Method == "PATCH");

        // Act
        var reply = await DeliveredReportedAsSoonAsSentAsync(conversation.Id);

        // Assert: the queued "sent" skips itself instead of moving the tick back
        await Eventually.WaitAsync(() => MessageNow(reply).Status, s => s == "delivered", "the delivered tick");
        await SettledAsync();
        Assert.That(StatusesOf(reply).Last(), Is.EqualTo("delivered"));
        Assert.That(MessageNow(reply).Status, Is.EqualTo("delivered"));
    }

    private IEnumerable<string?> StatusesOf(FakeMessage message) => StatusUpdatesOf(message).Select(p => p["status"]?.GetValue<string>());

    private async Task<FakeMessage> DeliveredReportedAsSoonAsSentAsync(long conversationId)
    {
        var reply = await AgentRepliesAsync(conversationId, "olá");
        var sent = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        await PostEventExpectingAsync(EngineEvents.Status(sent.MessageId, "delivered"));
        return reply;
    }
}
