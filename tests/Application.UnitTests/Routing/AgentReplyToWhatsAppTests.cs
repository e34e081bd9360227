using System.Text.Json;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Handlers;

namespace RyzeApi.Application.UnitTests.Routing;

[TestFixture]
public sealed class AgentReplyToWhatsAppTests
{
    private static readonly AgentReply s_reply = new(501, 77, "5511999999999@s.whatsapp.net", "Posso ajudar?", "Ana", []);
    private readonly Mock<IEngineClient> _engine = new();
    private readonly Mock<IChatwootMessaging> _chatwoot = new();

    [Test]
    public async Task Deliver_EngineAccepts_LinksTheIdsAndMarksTheMessageSentBeforeReturning()
    {
        // Arrange
        _engine.Setup(e => e.SendTextAsync("suporte", s_reply.ChatJid, "*Ana*:\nPosso ajudar?", It.IsAny<CancellationToken>())).ReturnsAsync("3EB0SENT");

        // Act
        var outcome = await Reply().DeliverAsync(Context(), Claimed(s_reply), CancellationToken.None);

        // Assert: set now, before the link is recorded (a report for 3EB0SENT finds nothing until then): no tick queued,
        // only the read mark (markReadOnReply is on by default)
        var delivered = (DeliveryOutcome.Delivered)outcome;
        Assert.That(delivered.Link, Is.EqualTo(new MessageLink(TestData.IntegrationId, "3EB0SENT", 501, 77, MessageDirection.ToWhatsApp)));
        Assert.That((delivered.FollowUp!.Kind, delivered.FollowUp.Lane), Is.EqualTo((ChatReadMark.KindName, new Lane(LaneKind.Presence, s_reply.ChatJid))));
        _chatwoot.Verify(c => c.UpdateMessageStatusAsync(TestData.Connection, 77, 501, "sent", null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Deliver_ChatwootDoesNotTakeTheTick_QueuesSentInTheLaneOfTheEnginesReports()
    {
        // Arrange
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync("3EB0SENT");
        _chatwoot.Setup(c => c.UpdateMessageStatusAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<long>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UpstreamUnavailableException("Chatwoot answered 502"));

        // Act
        var outcome = await Reply().DeliverAsync(Context(), Claimed(s_reply), CancellationToken.None);

        // Assert: delivered all the same (never sent twice); a later "delivered" for 3EB0SENT queues behind this "sent"
        var delivered = (DeliveryOutcome.Delivered)outcome;
        Assert.That(delivered.Link, Is.EqualTo(new MessageLink(TestData.IntegrationId, "3EB0SENT", 501, 77, MessageDirection.ToWhatsApp)));
        Assert.That(delivered.FollowUp!.Lane, Is.EqualTo(new Lane(LaneKind.MessageStatus, "3EB0SENT")));
        Assert.That(JsonSerializer.Deserialize<MessageStatusChange>(delivered.FollowUp.Payload),
            Is.EqualTo(new MessageStatusChange("3EB0SENT", "sent", null, 501, 77)));
    }

    [Test]
    public async Task Deliver_ChatwootDoesNotAnswerInTime_QueuesTheTick()
    {
        // Arrange: half the retry base delay (40 ms) is the budget; Chatwoot would take a minute
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync("3EB0SENT");
        _chatwoot.Setup(c => c.UpdateMessageStatusAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<long>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Returns((ChatwootConnection _, long _, long _, string _, string? _, CancellationToken token) => Task.Delay(TimeSpan.FromMinutes(1), token));

        // Act
        var outcome = await Reply(TimeSpan.FromMilliseconds(80)).DeliverAsync(Context(), Claimed(s_reply), CancellationToken.None);

        // Assert
        Assert.That(((DeliveryOutcome.Delivered)outcome).FollowUp!.Lane, Is.EqualTo(new Lane(LaneKind.MessageStatus, "3EB0SENT")));
    }

    [Test]
    public async Task Deliver_EngineRefuses_FailsAndMarksTheChatwootMessageFailed()
    {
        // Arrange
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineRejectedException("number not on WhatsApp", 400));

        // Act
        var outcome = await Reply().DeliverAsync(Context(), Claimed(s_reply), CancellationToken.None);

        // Assert
        Assert.That(((DeliveryOutcome.Permanent)outcome).FollowUp, Is.Null);
        _chatwoot.Verify(c => c.UpdateMessageStatusAsync(TestData.Connection, 77, 501, "failed", "number not on WhatsApp", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Deliver_EngineRefusesAndChatwootIsDown_QueuesFailedForTheChatwootMessage()
    {
        // Arrange
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineRejectedException("number not on WhatsApp", 400));
        _chatwoot.Setup(c => c.UpdateMessageStatusAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<long>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UpstreamUnavailableException("connection refused"));

        // Act
        var outcome = await Reply().DeliverAsync(Context(), Claimed(s_reply), CancellationToken.None);

        // Assert: no WhatsApp id exists, so the lane is the Chatwoot message's
        var permanent = (DeliveryOutcome.Permanent)outcome;
        Assert.That(permanent.FollowUp!.Lane, Is.EqualTo(new Lane(LaneKind.MessageStatus, "cw501")));
        Assert.That(JsonSerializer.Deserialize<MessageStatusChange>(permanent.FollowUp.Payload),
            Is.EqualTo(new MessageStatusChange(string.Empty, "failed", "number not on WhatsApp", 501, 77)));
    }

    [Test]
    public async Task Deliver_EngineAnswerUnreadable_FailsForGoodWithoutATickOrAnotherSend()
    {
        // Arrange: the engine took the message (2xx) but named no usable id; a retry could send it twice.
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineAnswerUnreadableException("POST http://engine/api/message/text/suporte HTTP 200 answered without a usable messageId: {}"));

        // Act
        var outcome = await Reply().DeliverAsync(Context(), Claimed(s_reply), CancellationToken.None);

        // Assert
        var permanent = (DeliveryOutcome.Permanent)outcome;
        Assert.That(permanent.Error, Does.StartWith("the engine accepted the message but its answer is unreadable; not sent again, to avoid a duplicate: ")
            .And.EndWith("answered without a usable messageId: {}"));
        Assert.That(permanent.FollowUp, Is.Null);
        _engine.Verify(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _chatwoot.VerifyNoOtherCalls();
    }

    private AgentReplyToWhatsApp Reply(TimeSpan? retryBaseDelay = null) => new(
        _engine.Object, _chatwoot.Object, Mock.Of<IMessageLinks>(), Mock.Of<IOutbox>(), Options.Create(new RoutingOptions { RetryBaseDelay = retryBaseDelay ?? TimeSpan.FromSeconds(1) }),
        NullLogger<AgentReplyToWhatsApp>.Instance);

    private static Claimed<AgentReply> Claimed(AgentReply reply) => new(1, TestData.IntegrationId, reply, 1, null);

    private static DeliveryContext Context() => new(TestData.Integration(), "suporte", TestData.Connection);
}
