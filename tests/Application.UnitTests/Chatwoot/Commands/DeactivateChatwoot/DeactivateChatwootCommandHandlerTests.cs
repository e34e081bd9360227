using RyzeApi.Application.Chatwoot.Commands.DeactivateChatwoot;
using RyzeApi.Application.Common;

namespace RyzeApi.Application.UnitTests.Chatwoot.Commands.DeactivateChatwoot;

[TestFixture]
public sealed class DeactivateChatwootCommandHandlerTests : StoredIntegrationFixture
{
    private readonly List<string> _calls = [];
    private readonly DeactivateChatwootCommand _command = new(TestData.AccountCaller, TestData.Instance.Name);

    [SetUp]
    public void SetUp()
    {
        Integrations
            .Setup(r => r.DeleteByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("delete row"))
            .ReturnsAsync(true);
        ChatwootClient
            .Setup(c => c.SetInboxWebhookAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("clear webhook"))
            .Returns(Task.CompletedTask);
    }

    [Test]
    public async Task Handle_IntegrationExists_DeletesRowThenClearsWebhook()
    {
        // Arrange
        // (an active integration, see SetUp)

        // Act
        await Handler().Handle(_command, CancellationToken.None);

        // Assert
        Assert.That(_calls, Is.EqualTo(new[] { "delete row", "clear webhook" }));
        Integrations.Verify(r => r.DeleteByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()), Times.Once);
        ChatwootClient.Verify(c => c.SetInboxWebhookAsync(TestData.Connection, TestData.InboxId, "", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_StoredTokenUnreadable_DeletesRowAndSkipsChatwoot()
    {
        // Arrange
        Protector
            .Setup(p => p.Unprotect(TestData.StoredToken, TestData.IntegrationId))
            .Throws(new SecretUnreadableException("No encryption key with id k1 is configured"));

        // Act
        await Handler().Handle(_command, CancellationToken.None);

        // Assert
        Assert.That(_calls, Is.EqualTo(new[] { "delete row" }));
        ChatwootClient.VerifyNoOtherCalls();
    }

    private static IEnumerable<TestCaseData> ClearingFailures()
    {
        yield return new TestCaseData(new UpstreamUnavailableException("Chatwoot is unreachable")).SetArgDisplayNames("Unavailable");
        yield return new TestCaseData(new UpstreamRejectedException(UpstreamFailureKind.CredentialsRejected, "token", 401)).SetArgDisplayNames("Rejected");
        yield return new TestCaseData(new OperationCanceledException()).SetArgDisplayNames("TimedOut");
        yield return new TestCaseData(new ValidationException(["chatwootBaseUrl points to a refused address"])).SetArgDisplayNames("Blocked");
    }

    [TestCaseSource(nameof(ClearingFailures))]
    public void Handle_ClearingWebhookFails_StillSucceeds(Exception failure)
    {
        // Arrange
        ChatwootClient
            .Setup(c => c.SetInboxWebhookAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(failure);

        // Act
        // Assert
        Assert.DoesNotThrowAsync(async () => await Handler().Handle(_command, CancellationToken.None));
        Integrations.Verify(r => r.DeleteByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_RowDeletedConcurrently_ThrowsNotFoundWithoutTouchingChatwoot()
    {
        // Arrange
        Integrations.Setup(r => r.DeleteByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(async () => await Handler().Handle(_command, CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("no chatwoot integration to delete"));
        ChatwootClient.VerifyNoOtherCalls();
    }

    protected override string NoIntegrationMessage => "no chatwoot integration to delete";

    protected override Task HandleForInstanceAsync(string instanceName) =>
        Handler().Handle(new DeactivateChatwootCommand(TestData.AccountCaller, instanceName), CancellationToken.None).AsTask();

    private DeactivateChatwootCommandHandler Handler() => new(
        new InstanceResolver(Instances.Object),
        Integrations.Object,
        Protector.Object,
        ChatwootClient.Object,
        Options.Create(new ChatwootModuleOptions()),
        NullLogger<DeactivateChatwootCommandHandler>.Instance);
}
