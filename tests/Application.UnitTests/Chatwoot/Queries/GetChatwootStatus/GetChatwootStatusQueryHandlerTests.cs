using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;
using RyzeApi.Application.Common;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.UnitTests.Chatwoot.Queries.GetChatwootStatus;

[TestFixture]
public sealed class GetChatwootStatusQueryHandlerTests : StoredIntegrationFixture
{
    private readonly GetChatwootStatusQuery _query = new(TestData.AccountCaller, TestData.Instance.Name);
    private readonly Mock<IInstanceSessions> _sessions = new();
    private readonly Mock<IDeliveryRepository> _deliveries = new();

    [Test]
    public async Task Handle_LiveCheckOk_ReturnsStoredIntegrationWithDecryptedToken()
    {
        // Arrange
        ChatwootClient
            .Setup(c => c.GetInboxAsync(TestData.Connection, TestData.InboxId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChatwootInbox(TestData.InboxId, "RyzeAPI", null, null));

        // Act
        var dto = await Handler().Handle(_query, CancellationToken.None);

        // Assert
        var integration = TestData.Integration();
        Assert.That(dto, Is.EqualTo(new ChatwootStatusDto(
            "sales", IntegrationStatus.Active, TestData.IntegrationId, TestData.BaseUrl, TestData.ChatwootAccountId, TestData.ApiToken,
            TestData.InboxId, "RyzeAPI", string.Empty, integration.CreatedAt, TestData.Settings)));
        Integrations.Verify(
            r => r.UpdateHealthAsync(It.IsAny<string>(), It.IsAny<IntegrationStatus>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_InboxDeletedInChatwoot_ReturnsErrorAndRecordsIt()
    {
        // Arrange
        ChatwootClient
            .Setup(c => c.GetInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UpstreamRejectedException(UpstreamFailureKind.EndpointNotFound, "not found", 404));

        // Act
        var dto = await Handler().Handle(_query, CancellationToken.None);

        // Assert
        const string expected = "Chatwoot inbox 42 no longer exists in account 5 - activate the integration again to create a new inbox. Detail: not found";
        Assert.Multiple(() =>
        {
            Assert.That(dto.Status, Is.EqualTo(IntegrationStatus.Error));
            Assert.That(dto.LastError, Is.EqualTo(expected));
        });
        Integrations.Verify(r => r.UpdateHealthAsync(TestData.IntegrationId, IntegrationStatus.Error, expected, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_ChatwootUnavailable_ReturnsStoredValues()
    {
        // Arrange
        ChatwootClient
            .Setup(c => c.GetInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UpstreamUnavailableException("Chatwoot is unreachable"));

        // Act
        var dto = await Handler().Handle(_query, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(dto.Status, Is.EqualTo(IntegrationStatus.Active));
            Assert.That(dto.LastError, Is.Empty);
        });
        Integrations.Verify(
            r => r.UpdateHealthAsync(It.IsAny<string>(), It.IsAny<IntegrationStatus>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_SessionReported_ShowsItsStateAndSince()
    {
        // Arrange
        var session = new WhatsAppSession("qr_ready", new DateTimeOffset(2026, 4, 20, 10, 16, 2, TimeSpan.Zero));
        _sessions.Setup(s => s.FindAsync(TestData.Instance.Id, It.IsAny<CancellationToken>())).ReturnsAsync(session);
        ChatwootClient
            .Setup(c => c.GetInboxAsync(TestData.Connection, TestData.InboxId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChatwootInbox(TestData.InboxId, "RyzeAPI", null, null));

        // Act
        var dto = await Handler().Handle(_query, CancellationToken.None);

        // Assert
        Assert.That(dto.WhatsApp, Is.EqualTo(session));
        Assert.That(dto.Status, Is.EqualTo(IntegrationStatus.Active), "a session that comes back by itself needs nobody");
    }

    [TestCase("logged_out")]
    [TestCase("temp_banned")]
    public async Task Handle_SessionNeedsTheUser_IsTheErrorEvenWhenTheStoredStatusWasClearedMeanwhile(string state)
    {
        // Arrange
        _sessions.Setup(s => s.FindAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new WhatsAppSession(state, DateTimeOffset.UtcNow));
        ChatwootClient
            .Setup(c => c.GetInboxAsync(TestData.Connection, TestData.InboxId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChatwootInbox(TestData.InboxId, "RyzeAPI", null, null));

        // Act
        var dto = await Handler().Handle(_query, CancellationToken.None);

        // Assert
        Assert.That(dto.Status, Is.EqualTo(IntegrationStatus.Error));
        Assert.That(dto.LastError, Is.EqualTo(WhatsAppSession.ProblemOf(state)).And.Not.Empty);
    }

    [Test]
    public async Task Handle_CountsTheIntegrationsDeliveries()
    {
        // Arrange
        var counts = new DeliveryCounts(3, 1, TimeSpan.FromSeconds(42), new DateTimeOffset(2026, 4, 21, 9, 12, 44, TimeSpan.Zero));
        _deliveries.Setup(d => d.CountAsync(TestData.IntegrationId, It.IsAny<CancellationToken>())).ReturnsAsync(counts);
        ChatwootClient
            .Setup(c => c.GetInboxAsync(TestData.Connection, TestData.InboxId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChatwootInbox(TestData.InboxId, "RyzeAPI", null, null));

        // Act
        var dto = await Handler().Handle(_query, CancellationToken.None);

        // Assert
        Assert.That(dto.Deliveries, Is.EqualTo(counts));
    }

    protected override string NoIntegrationMessage => "no chatwoot integration for this instance";

    protected override Task HandleForInstanceAsync(string instanceName) =>
        Handler().Handle(new GetChatwootStatusQuery(TestData.AccountCaller, instanceName), CancellationToken.None).AsTask();

    private GetChatwootStatusQueryHandler Handler() => new(
        new InstanceResolver(Instances.Object),
        Integrations.Object,
        Protector.Object,
        new ChatwootLiveCheck(
            ChatwootClient.Object, Integrations.Object, Options.Create(new ChatwootModuleOptions()), TimeProvider.System, NullLogger<ChatwootLiveCheck>.Instance),
        _sessions.Object,
        _deliveries.Object);
}
