using System.Text;
using RyzeApi.Application.Common.Security;
using RyzeApi.Application.Routing.Commands;
using RyzeApi.Application.Routing.Commands.ReceiveChatwootWebhook;
using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Application.UnitTests.Routing;

[TestFixture]
public sealed class ReceiveChatwootWebhookCommandHandlerTests
{
    private const string Secret = "webhook-secret";
    private const string Body = """
        {"id":501,"content":"Posso ajudar?","message_type":"outgoing","private":false,"source_id":null,
         "conversation":{"id":77},"sender":{"id":1,"name":"Ana","type":"user"},"event":"message_created"}
        """;

    private readonly Mock<IRoutingIntegrations> _integrations = new();
    private readonly Mock<IRoutingRepository> _routing = new();
    private readonly Mock<IOutbox> _outbox = new();
    private readonly Mock<IOutboxSignal> _signal = new();
    private readonly Mock<ITokenProtector> _protector = new();
    private readonly KnownConversations _known = new();

    private static readonly WebhookCredentials s_credentials = new(TestData.IntegrationId, Guid.NewGuid(), SecretTokens.Hash(Secret), null);
    private static readonly RoutedChat s_chat = new(TestData.IntegrationId, "5511999999999", 9, "src-9", 77, "open");

    [SetUp]
    public void SetUp()
    {
        Lookup(linkDirection: null);
        _outbox.Setup(o => o.EnqueueAsync(It.IsAny<string>(), It.IsAny<AgentReply>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
    }

    [Test]
    public async Task Handle_NewAgentMessage_IsRecordedForTheChatOfItsConversation()
    {
        // Act
        var result = await Handler().Handle(Command(), CancellationToken.None);

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(IngressResult.Accepted));
        _outbox.Verify(o => o.EnqueueAsync(
            TestData.IntegrationId,
            It.Is<AgentReply>(r => r.Lane == new Lane(LaneKind.AgentReplies, "5511999999999") && r.DedupeKey == "cw:501"),
            It.IsAny<CancellationToken>()), Times.Once);
        _signal.Verify(s => s.Notify(), Times.Once);
    }

    [Test]
    public async Task Handle_MessageAlreadySentToWhatsApp_IsADuplicateAndNotRecordedAgain()
    {
        // Arrange
        Lookup(MessageDirection.ToWhatsApp);

        // Act
        var result = await Handler().Handle(Command(), CancellationToken.None);

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(IngressResult.Duplicate));
        _outbox.Verify(o => o.EnqueueAsync(It.IsAny<string>(), It.IsAny<AgentReply>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_MessageRyzeApiCreatedInChatwoot_IsIgnoredAsAnEcho()
    {
        // Arrange
        Lookup(MessageDirection.ToChatwoot);

        // Act
        var result = await Handler().Handle(Command(), CancellationToken.None);

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(IngressResult.Ignored));
        Assert.That(result.Message, Is.EqualTo("event ignored: echo of a message RyzeApi created"));
        _outbox.Verify(o => o.EnqueueAsync(It.IsAny<string>(), It.IsAny<AgentReply>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_ConversationRyzeApiDoesNotRoute_IsIgnored()
    {
        // Arrange
        _integrations.Setup(i => i.FindWebhookAsync(TestData.IntegrationId, 501, 77, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new WebhookLookup(s_credentials, null, null));

        // Act
        var result = await Handler().Handle(Command(), CancellationToken.None);

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(IngressResult.Ignored));
        Assert.That(result.Message, Is.EqualTo("event ignored: conversation 77 is not one RyzeApi routes"));
        _outbox.Verify(o => o.EnqueueAsync(It.IsAny<string>(), It.IsAny<AgentReply>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_NextReplyInAConversationSeenBefore_IsRecordedInOneWriteWithoutALookup()
    {
        // Arrange
        _outbox.Setup(o => o.EnqueueKnownReplyAsync(It.IsAny<AgentReply>(), It.IsAny<KnownReply>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        await Handler().Handle(Command(), CancellationToken.None);

        // Act
        var result = await Handler().Handle(Command(messageId: 502), CancellationToken.None);

        // Assert
        Assert.That(result.Outcome, Is.EqualTo(IngressResult.Accepted));
        _integrations.Verify(i => i.FindWebhookAsync(It.IsAny<string>(), It.IsAny<long?>(), It.IsAny<long?>(), It.IsAny<CancellationToken>()), Times.Once);
        _outbox.Verify(o => o.EnqueueKnownReplyAsync(
            It.Is<AgentReply>(r => r.Lane == new Lane(LaneKind.AgentReplies, "5511999999999") && r.DedupeKey == "cw:502"),
            new KnownReply(s_credentials, 502, 77, "5511999999999"), It.IsAny<CancellationToken>()), Times.Once);
        _signal.Verify(s => s.Notify(), Times.Exactly(2));
    }

    [Test]
    public async Task Handle_ReplySeenBeforeThatPostgresNoLongerConfirms_GetsTheAnswerOfTheLookup()
    {
        // Arrange: the conversation is known, but the integration was deactivated since.
        await Handler().Handle(Command(), CancellationToken.None);
        _outbox.Setup(o => o.EnqueueKnownReplyAsync(It.IsAny<AgentReply>(), It.IsAny<KnownReply>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _integrations.Setup(i => i.FindWebhookAsync(TestData.IntegrationId, 502, 77, It.IsAny<CancellationToken>())).ReturnsAsync((WebhookLookup?)null);

        // Act + Assert
        Assert.ThrowsAsync<NotFoundException>(async () => await Handler().Handle(Command(messageId: 502), CancellationToken.None));
        _outbox.Verify(o => o.EnqueueKnownReplyAsync(It.IsAny<AgentReply>(), It.IsAny<KnownReply>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WrongSecretForAConversationSeenBefore_IsNotFoundAndNotRecorded()
    {
        // Arrange
        await Handler().Handle(Command(), CancellationToken.None);

        // Act + Assert
        Assert.ThrowsAsync<NotFoundException>(async () => await Handler().Handle(Command(messageId: 502, secret: "wrong-secret"), CancellationToken.None));
        _outbox.Verify(o => o.EnqueueKnownReplyAsync(It.IsAny<AgentReply>(), It.IsAny<KnownReply>(), It.IsAny<CancellationToken>()), Times.Never);
        _outbox.Verify(o => o.EnqueueAsync(It.IsAny<string>(), It.IsAny<AgentReply>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_MalformedBodyWithTheWrongSecret_IsNotFoundBeforeItIsMalformed()
    {
        // Arrange
        var command = new ReceiveChatwootWebhookCommand(TestData.IntegrationId, "wrong-secret", null, null, Encoding.UTF8.GetBytes("{not json"));

        // Act + Assert: a caller without the secret learns nothing about what it sent
        Assert.ThrowsAsync<NotFoundException>(async () => await Handler().Handle(command, CancellationToken.None));
    }

    [Test]
    public void Handle_MalformedBodyWithTheRightSecret_IsReportedAsMalformed()
    {
        // Arrange
        var command = new ReceiveChatwootWebhookCommand(TestData.IntegrationId, Secret, null, null, Encoding.UTF8.GetBytes("{not json"));
        _integrations.Setup(i => i.FindWebhookAsync(TestData.IntegrationId, null, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new WebhookLookup(s_credentials, null, null));

        // Act + Assert
        var exception = Assert.ThrowsAsync<ValidationException>(async () => await Handler().Handle(command, CancellationToken.None));
        Assert.That(exception!.Failures.Single(), Does.StartWith("malformed JSON"));
    }

    private void Lookup(MessageDirection? linkDirection) =>
        _integrations.Setup(i => i.FindWebhookAsync(TestData.IntegrationId, It.IsAny<long?>(), 77, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new WebhookLookup(s_credentials, linkDirection, s_chat));

    private static ReceiveChatwootWebhookCommand Command(long messageId = 501, string secret = Secret) =>
        new(TestData.IntegrationId, secret, null, null, Encoding.UTF8.GetBytes(Body.Replace("\"id\":501", $"\"id\":{messageId}", StringComparison.Ordinal)));

    private ReceiveChatwootWebhookCommandHandler Handler() =>
        new(_integrations.Object, _routing.Object, _outbox.Object, _signal.Object, _protector.Object, _known, new FixedTimeProvider(TestData.Now));
}
