using System.Diagnostics;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/adr/0030-a-queued-tick-outlasts-the-one-given-up.md: the "sent" tick given up at once still reaches Chatwoot
/// (Rails finishes a request it has received) after the engine's "delivered" was shown; the message ends "delivered".</summary>
public sealed class LateTickTests : RoutingTestBase
{
    private static readonly TimeSpan s_tickLandsAfter = TimeSpan.FromSeconds(2.5);

    // With a retry base delay of 1 s the tick is given up after 500 ms; status rows get four attempts here, so the
    // queued tick's last one comes at least 3.5 s after its first.
    protected override IReadOnlyDictionary<string, string?> RoutingOverrides => new Dictionary<string, string?>
    {
        ["Routing:RetryBaseDelay"] = "00:00:01",
        ["Routing:RetryMaxDelay"] = "00:00:10",
        ["Routing:MaxAttempts"] = "4",
    };

    [Test]
    public async Task SentTickGivenUpButAppliedAfterTheDeliveredReport_EndsDelivered()
    {
        // Arrange: Chatwoot applies the first tick 2.5 s after it was sent, long after RyzeApi stopped waiting
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        Chatwoot.Script(FakeFault.SlowEvenIfAbandoned(s_tickLandsAfter), matching: r => r.Method == "PATCH");

        // Act
        var reply = await AgentRepliesAsync(conversation.Id, "olá");
        var sent = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        var sinceSend = Stopwatch.StartNew();
        await PostEventExpectingAsync(EngineEvents.Status(sent.MessageId, "delivered"));

        // Assert: once the late tick has landed and everything is done, the message still shows "delivered"
        await Eventually.WaitAsync(() => MessageNow(reply).Status, s => s == "delivered", "the delivered tick");
        await SettledAsync();
        var stillToLand = s_tickLandsAfter + TimeSpan.FromMilliseconds(500) - sinceSend.Elapsed;
        if (stillToLand > TimeSpan.Zero)
        {
            await Task.Delay(stillToLand);
        }

        Assert.That(MessageNow(reply).Status, Is.EqualTo("delivered"));
    }
}
