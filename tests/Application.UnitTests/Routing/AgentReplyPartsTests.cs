using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Handlers;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>An agent's reply split per attachment, quoting, and the read mark that follows it.</summary>
[TestFixture]
public sealed class AgentReplyPartsTests
{
    private const string Jid = "5511999999999@s.whatsapp.net";
    private readonly Mock<IEngineClient> _engine = new();
    private readonly Mock<IChatwootMessaging> _chatwoot = new();
    private readonly Mock<IMessageLinks> _links = new();
    private readonly Mock<IOutbox> _outbox = new();

    [Test]
    public void Split_SeveralAttachments_IsOnePartEachWithTextAndQuoteOnTheFirst()
    {
        // Arrange
        var reply = new AgentReply(501, 77, Jid, "fotos", "Ana", [Attachment("a"), Attachment("b")], "3EB0Q", 480);

        // Act
        var parts = reply.Split();

        // Assert
        Assert.That(parts.Select(p => (p.Part, p.Content, p.Attachments.Single().FileName, p.QuotedWhatsAppId, p.DedupeKey)), Is.EqualTo(new[]
        {
            ((int?)0, "fotos", "a", "3EB0Q", "cw:501"),
            (1, null, "b", null, "cw:501:1"),
        }));
    }

    [Test]
    public void Split_OneAttachment_IsTheReplyItself()
    {
        // Arrange
        var reply = new AgentReply(501, 77, Jid, "foto", "Ana", [Attachment("a")]);

        // Act / Assert
        Assert.That(reply.Split(), Is.EqualTo(new[] { reply }));
    }

    [Test]
    public async Task Deliver_QuoteOfAnAgentReply_GoesWithTheWhatsAppIdOfItsLink()
    {
        // Arrange
        _links.Setup(l => l.OfChatwootMessageAsync(TestData.IntegrationId, 480, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new MessageLink(TestData.IntegrationId, "3EB0EARLIER", 480, 77, MessageDirection.ToWhatsApp)]);
        _engine.Setup(e => e.SendTextAsync("suporte", Jid, "*Ana*:\nsim", "3EB0EARLIER", It.IsAny<CancellationToken>())).ReturnsAsync("3EB0NEW");

        // Act
        var outcome = await Handler().DeliverAsync(Context(), Claimed(new AgentReply(501, 77, Jid, "sim", "Ana", [], null, 480)), CancellationToken.None);

        // Assert
        Assert.That(((DeliveryOutcome.Delivered)outcome).Link!.WhatsAppId, Is.EqualTo("3EB0NEW"));
    }

    [Test]
    public async Task Deliver_LaterPart_NeitherTicksNorMarksRead()
    {
        // Arrange
        _engine.Setup(e => e.SendMediaAsync("suporte", It.IsAny<EngineMedia>(), It.IsAny<CancellationToken>())).ReturnsAsync("3EB0B");
        var part = new AgentReply(501, 77, Jid, null, "Ana", [Attachment("b")], Part: 1);

        // Act
        var outcome = await Handler().DeliverAsync(Context(), Claimed(part), CancellationToken.None);

        // Assert
        Assert.That(outcome, Is.EqualTo(new DeliveryOutcome.Delivered(new MessageLink(TestData.IntegrationId, "3EB0B", 501, 77, MessageDirection.ToWhatsApp), null)));
        _chatwoot.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Deliver_MarkReadOnReplyOff_RecordsNoReadMark()
    {
        // Arrange
        _engine.Setup(e => e.SendTextAsync("suporte", Jid, It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync("3EB0NEW");
        var context = new DeliveryContext(
            TestData.Integration() with { Settings = TestData.Settings with { MarkReadOnReply = false } }, "suporte", TestData.Connection);

        // Act
        var outcome = await Handler().DeliverAsync(context, Claimed(new AgentReply(501, 77, Jid, "oi", "Ana", [])), CancellationToken.None);

        // Assert
        Assert.That(((DeliveryOutcome.Delivered)outcome).FollowUp, Is.Null);
        _outbox.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Deliver_TickQueued_TheReadMarkIsRecordedOnItsOwn()
    {
        // Arrange: Chatwoot does not take the tick, so the completion's follow-up is the queued tick
        _engine.Setup(e => e.SendTextAsync("suporte", Jid, It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync("3EB0NEW");
        _chatwoot.Setup(c => c.UpdateMessageStatusAsync(It.IsAny<ChatwootConnection>(), 77, 501, "sent", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UpstreamUnavailableException("down"));

        // Act
        var outcome = await Handler().DeliverAsync(Context(), Claimed(new AgentReply(501, 77, Jid, "oi", "Ana", [])), CancellationToken.None);

        // Assert
        Assert.That(((DeliveryOutcome.Delivered)outcome).FollowUp!.Kind, Is.EqualTo(MessageStatusChange.KindName));
        _outbox.Verify(o => o.EnqueueAsync(TestData.IntegrationId, new ChatReadMark(Jid, 501), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static AgentAttachment Attachment(string name) => new($"https://cw.example/{name}", "image", name);

    private AgentReplyToWhatsApp Handler() => new(
        _engine.Object, _chatwoot.Object, _links.Object, _outbox.Object,
        Options.Create(new RoutingOptions { RetryBaseDelay = TimeSpan.FromSeconds(1) }), NullLogger<AgentReplyToWhatsApp>.Instance);

    private static Claimed<AgentReply> Claimed(AgentReply reply) => new(1, TestData.IntegrationId, reply, 1, null);

    private static DeliveryContext Context() => new(TestData.Integration(), "suporte", TestData.Connection);
}
