using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-webhook.md delivery receipts: the engine's answer is a <c>sent</c> tick, <c>message.status</c> events move it
/// to delivered and read, and an engine refusal marks the agent's message failed with the engine's reason.</summary>
public sealed class StatusTicksTests : RoutingTestBase
{
    [Test]
    public async Task EngineAcceptsTheSend_ChatwootMessageIsMarkedSent()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();

        // Act
        var reply = await AgentRepliesAsync(conversation.Id, "olá");

        // Assert
        await Engine.WaitForSendsAsync(1, Eventually.Deadline);
        var patch = await Eventually.WaitAsync(() => StatusUpdatesOf(reply).ToList(), p => p.Count > 0, "the sent tick");
        // (Set at once; a tick Chatwoot is slow to take is queued and set again, so "sent" may come twice.)
        Assert.That(patch.Select(p => p["status"]?.GetValue<string>()), Has.All.EqualTo("sent"));
        Assert.That(MessageNow(reply).Status, Is.EqualTo("sent"));
    }

    [Test]
    public async Task MessageStatusEvents_MoveTheTickToDeliveredThenRead([Values] EngineLayout layout)
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        var reply = await AgentRepliesAsync(conversation.Id, "olá");
        var sent = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        await Eventually.WaitAsync(() => StatusUpdatesOf(reply).Count(), n => n > 0, "the sent tick");

        // Act
        await PostEventExpectingAsync(EngineEvents.Status(sent.MessageId, "delivered", layout));

        // Assert
        await Eventually.WaitAsync(() => MessageNow(reply).Status, s => s == "delivered", "the delivered tick");
        await PostEventExpectingAsync(EngineEvents.Status(sent.MessageId, "read", layout));
        await Eventually.WaitAsync(() => MessageNow(reply).Status, s => s == "read", "the read tick");
        await SettledAsync();
        Assert.That(MessageNow(reply).Status, Is.EqualTo("read"));
    }

    [Test]
    public async Task MessageStatusError_MarksTheMessageFailedWithTheReason()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        var reply = await AgentRepliesAsync(conversation.Id, "olá");
        var sent = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        await Eventually.WaitAsync(() => StatusUpdatesOf(reply).Count(), n => n > 0, "the sent tick");

        // Act
        await PostEventExpectingAsync(EngineEvents.Status(sent.MessageId, "error", error: "Number is not on WhatsApp"));

        // Assert
        var failed = await Eventually.WaitAsync(() => MessageNow(reply), m => m.Status == "failed", "the failed tick");
        Assert.That(failed.ExternalError, Is.EqualTo("Number is not on WhatsApp"));
    }

    [Test]
    public async Task EngineRefusesTheSend_ChatwootMessageFailsWithTheEnginesReason()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        Engine.FailNext(400, EngineErrors.Envelope("Number is not on WhatsApp"), matching: r => r.Path.StartsWith("/api/message/", StringComparison.Ordinal));

        // Act
        var reply = await AgentRepliesAsync(conversation.Id, "olá");

        // Assert
        var failed = await Eventually.WaitAsync(() => MessageNow(reply), m => m.Status == "failed", "the failed tick");
        Assert.That(failed.ExternalError, Is.EqualTo("Number is not on WhatsApp"));
        Assert.That(Engine.Sends, Is.Empty);
        Assert.That(Engine.Requests.Count(r => r.Path == $"/api/message/text/{Instance}"), Is.EqualTo(1), "a 4xx is not retried");
    }

    [Test]
    public async Task EngineAnswers500ThenAccepts_IsRetriedAndSentOnce()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        Engine.FailNext(500, EngineErrors.InternalServerError, times: 2, matching: r => r.Path.StartsWith("/api/message/", StringComparison.Ordinal));

        // Act
        var reply = await AgentRepliesAsync(conversation.Id, "olá");

        // Assert
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        Assert.That(send.Text, Is.EqualTo("olá"));
        await SettledAsync();
        Assert.That(Engine.Sends, Has.Count.EqualTo(1));
        Assert.That(MessageNow(reply).Status, Is.EqualTo("sent"));
    }

}
