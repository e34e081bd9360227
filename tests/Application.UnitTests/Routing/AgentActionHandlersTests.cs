using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Handlers;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>The deliveries behind an agent's deletion, typing and the read mark after a reply.</summary>
[TestFixture]
public sealed class AgentActionHandlersTests
{
    private const string Jid = "5511999999999@s.whatsapp.net";
    private readonly Mock<IEngineClient> _engine = new();
    private readonly Mock<IChatwootMessaging> _chatwoot = new();
    private readonly Mock<IMessageLinks> _links = new();

    [Test]
    public async Task Deletion_RevokesOnlyWhatRyzeApiSentOfTheMessage()
    {
        // Arrange
        Links(new MessageLink(TestData.IntegrationId, "3EB0A", 501, 77, MessageDirection.ToWhatsApp),
            new MessageLink(TestData.IntegrationId, "3EB0B", 501, 77, MessageDirection.ToWhatsApp));

        // Act
        var outcome = await Deletions().DeliverAsync(Context(), Claimed(new AgentDeletion(501, 77, Jid)), CancellationToken.None);

        // Assert
        Assert.That(outcome, Is.EqualTo(new DeliveryOutcome.Delivered(null, null)));
        _engine.Verify(e => e.DeleteForEveryoneAsync("suporte", "3EB0A", It.IsAny<CancellationToken>()), Times.Once);
        _engine.Verify(e => e.DeleteForEveryoneAsync("suporte", "3EB0B", It.IsAny<CancellationToken>()), Times.Once);
        _chatwoot.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Deletion_OfAMessageNeverSent_IsSkipped()
    {
        // Arrange: only a link the other way (a message RyzeApi created in Chatwoot)
        Links(new MessageLink(TestData.IntegrationId, "3EB0IN", 501, 77, MessageDirection.ToChatwoot));

        // Act
        var outcome = await Deletions().DeliverAsync(Context(), Claimed(new AgentDeletion(501, 77, Jid)), CancellationToken.None);

        // Assert
        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Skipped>());
        _engine.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Deletion_Refused_PostsAPrivateNoteWithTheEnginesReason()
    {
        // Arrange
        Links(new MessageLink(TestData.IntegrationId, "3EB0A", 501, 77, MessageDirection.ToWhatsApp));
        _engine.Setup(e => e.DeleteForEveryoneAsync("suporte", "3EB0A", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineRejectedException("message not found", 404));

        // Act
        var outcome = await Deletions().DeliverAsync(Context(), Claimed(new AgentDeletion(501, 77, Jid)), CancellationToken.None);

        // Assert
        Assert.That(outcome, Is.TypeOf<DeliveryOutcome.Delivered>());
        _chatwoot.Verify(c => c.CreateMessageAsync(TestData.Connection, 77, It.Is<ChatwootNewMessage>(m =>
            m.Content == "⚠️ This message was deleted in Chatwoot, but WhatsApp did not delete it for the customer: message not found"
            && m.MessageType == "outgoing" && m.Private && m.SourceId == null && m.Attachments.Count == 0),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Presence_TypingThatWaitedPastItsDuration_IsNotSent()
    {
        // Arrange
        var handler = new PresenceToWhatsApp(_engine.Object, new FixedTime(TestData.Now));

        // Act
        var outcome = await handler.DeliverAsync(Context(), Claimed(new ChatPresence(Jid, true, TestData.Now.AddSeconds(-11))), CancellationToken.None);

        // Assert
        Assert.That((outcome is DeliveryOutcome.Skipped, handler.MaxAttempts(10)), Is.EqualTo((true, 1)));
        _engine.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Presence_EngineDown_IsSkippedNotRetried()
    {
        // Arrange
        _engine.Setup(e => e.SendPresenceAsync("suporte", Jid, false, 10, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineUnavailableException("HTTP 500"));

        // Act
        var outcome = await new PresenceToWhatsApp(_engine.Object, new FixedTime(TestData.Now))
            .DeliverAsync(Context(), Claimed(new ChatPresence(Jid, false, TestData.Now.AddMinutes(-5))), CancellationToken.None);

        // Assert: a pause is sent however late; a failure is skipped
        Assert.That(outcome, Is.EqualTo(new DeliveryOutcome.Skipped("presence not shown (best effort): HTTP 500")));
    }

    [Test]
    public async Task ReadMark_EngineDown_IsSkipped()
    {
        // Arrange
        _engine.Setup(e => e.MarkChatReadAsync("suporte", Jid, It.IsAny<CancellationToken>())).ThrowsAsync(new EngineUnavailableException("HTTP 503"));
        var handler = new ChatReadToWhatsApp(_engine.Object);

        // Act
        var outcome = await handler.DeliverAsync(Context(), Claimed(new ChatReadMark(Jid, 501)), CancellationToken.None);

        // Assert
        Assert.That((outcome, handler.MaxAttempts(10)), Is.EqualTo((new DeliveryOutcome.Skipped("chat not marked read (best effort): HTTP 503"), 1)));
    }

    private void Links(params MessageLink[] links) =>
        _links.Setup(l => l.OfChatwootMessageAsync(TestData.IntegrationId, 501, It.IsAny<CancellationToken>())).ReturnsAsync(links);

    private AgentDeletionToWhatsApp Deletions() => new(_engine.Object, _chatwoot.Object, _links.Object);

    private static Claimed<T> Claimed<T>(T delivery) => new(1, TestData.IntegrationId, delivery, 1, null);

    private static DeliveryContext Context() => new(TestData.Integration(), "suporte", TestData.Connection);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
