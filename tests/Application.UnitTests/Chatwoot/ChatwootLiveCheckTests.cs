using Microsoft.Extensions.Time.Testing;
using RyzeApi.Application.Chatwoot;

namespace RyzeApi.Application.UnitTests.Chatwoot;

[TestFixture]
public sealed class ChatwootLiveCheckTests
{
    private const string NotFoundDetail = "Chatwoot account or endpoint not found - verify chatwootBaseUrl (https://chatwoot.example.com) and chatwootAccountId (5). Detail: https://chatwoot.example.com/api/v1/accounts/5/inboxes/42 HTTP 404: {\"error\":\"Resource could not be found\"}";
    private const string InboxGone = "Chatwoot inbox 42 no longer exists in account 5 - activate the integration again to create a new inbox. Detail: " + NotFoundDetail;
    private readonly Mock<IChatwootClient> _chatwoot = new();
    private readonly Mock<IChatwootIntegrationRepository> _integrations = new();
    private readonly ChatwootModuleOptions _options = new();
    private readonly FakeTimeProvider _time = new();

    [Test]
    public async Task RefreshAsync_InboxExists_KeepsStoredValuesWithoutUpdate()
    {
        // Arrange
        SetupGetInbox(Task.FromResult(new ChatwootInbox(TestData.InboxId, "RyzeAPI", null, null)));

        // Act
        var (status, lastError) = await Refresh(TestData.Integration(IntegrationStatus.Paused, "retrying"));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(IntegrationStatus.Paused));
            Assert.That(lastError, Is.EqualTo("retrying"));
        });
        _chatwoot.Verify(c => c.GetInboxAsync(TestData.Connection, TestData.InboxId, It.IsAny<CancellationToken>()), Times.Once);
        _integrations.VerifyNoOtherCalls();
    }

    [Test]
    public async Task RefreshAsync_Chatwoot404_RecordsInboxGoneAsError()
    {
        // Arrange
        SetupGetInbox(Task.FromException<ChatwootInbox>(new UpstreamRejectedException(UpstreamFailureKind.EndpointNotFound, NotFoundDetail, 404)));

        // Act
        var (status, lastError) = await Refresh(TestData.Integration());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(IntegrationStatus.Error));
            Assert.That(lastError, Is.EqualTo(InboxGone));
            Assert.That(lastError, Does.StartWith("Chatwoot inbox 42 no longer exists"));
        });
        _integrations.Verify(r => r.UpdateHealthAsync(TestData.IntegrationId, IntegrationStatus.Error, InboxGone, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task RefreshAsync_TokenRejected_RecordsChatwootsMessageAsErrorAndHaltsDeliveries()
    {
        // Arrange
        const string message = "Chatwoot rejected the API token - verify chatwootApiToken. Detail: x";
        SetupGetInbox(Task.FromException<ChatwootInbox>(new UpstreamRejectedException(UpstreamFailureKind.CredentialsRejected, message, 401)));

        // Act
        var result = await Refresh(TestData.Integration());

        // Assert: the error stays until the integration is activated again
        Assert.That(result, Is.EqualTo((IntegrationStatus.Error, message)));
        _integrations.Verify(r => r.HaltDeliveriesAsync(TestData.IntegrationId, message, It.IsAny<CancellationToken>()), Times.Once);
        _integrations.VerifyNoOtherCalls();
    }

    [Test]
    public async Task RefreshAsync_AccessDenied_RecordsChatwootsMessageAsErrorOnly()
    {
        // Arrange: the token works but lacks admin scope; an agent's token may still post messages
        const string message = "Chatwoot denied the request - verify the API token has admin scope on account 5. Detail: x";
        SetupGetInbox(Task.FromException<ChatwootInbox>(new UpstreamRejectedException(UpstreamFailureKind.AccessDenied, message, 403)));

        // Act
        var result = await Refresh(TestData.Integration());

        // Assert
        Assert.That(result, Is.EqualTo((IntegrationStatus.Error, message)));
        _integrations.Verify(r => r.UpdateHealthAsync(TestData.IntegrationId, IntegrationStatus.Error, message, It.IsAny<CancellationToken>()), Times.Once);
        _integrations.VerifyNoOtherCalls();
    }

    [Test]
    public async Task RefreshAsync_SameErrorAlreadyStored_DoesNotUpdateAgain()
    {
        // Arrange
        SetupGetInbox(Task.FromException<ChatwootInbox>(new UpstreamRejectedException(UpstreamFailureKind.EndpointNotFound, NotFoundDetail, 404)));

        // Act
        var result = await Refresh(TestData.Integration(IntegrationStatus.Error, InboxGone));

        // Assert
        Assert.That(result, Is.EqualTo((IntegrationStatus.Error, InboxGone)));
        _integrations.VerifyNoOtherCalls();
    }

    [Test]
    public async Task RefreshAsync_RecordingFails_StillReportsTheFinding()
    {
        // Arrange
        SetupGetInbox(Task.FromException<ChatwootInbox>(new UpstreamRejectedException(UpstreamFailureKind.EndpointNotFound, NotFoundDetail, 404)));
        _integrations
            .Setup(r => r.UpdateHealthAsync(It.IsAny<string>(), It.IsAny<IntegrationStatus>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DatabaseUnavailableException("db down"));

        // Act
        var result = await Refresh(TestData.Integration());

        // Assert
        Assert.That(result, Is.EqualTo((IntegrationStatus.Error, InboxGone)));
    }

    private static IEnumerable<TestCaseData> InconclusiveFailures()
    {
        yield return new TestCaseData(new UpstreamUnavailableException("Chatwoot is unreachable")).SetArgDisplayNames("Unavailable");
        yield return new TestCaseData(new UpstreamRejectedException(UpstreamFailureKind.RequestInvalid, "invalid", 422)).SetArgDisplayNames("Invalid422");
        yield return new TestCaseData(new UpstreamRejectedException(UpstreamFailureKind.EndpointNotFound, "html", 200)).SetArgDisplayNames("NotChatwoot");
        yield return new TestCaseData(new ValidationException(["chatwootBaseUrl points to a refused address"])).SetArgDisplayNames("Blocked");
    }

    [TestCaseSource(nameof(InconclusiveFailures))]
    public async Task RefreshAsync_InconclusiveFailure_KeepsStoredValuesWithoutUpdate(Exception failure)
    {
        // Arrange
        SetupGetInbox(Task.FromException<ChatwootInbox>(failure));

        // Act
        var result = await Refresh(TestData.Integration());

        // Assert
        Assert.That(result, Is.EqualTo((IntegrationStatus.Active, string.Empty)));
        _integrations.VerifyNoOtherCalls();
    }

    [Test]
    public async Task RefreshAsync_CheckTimesOut_KeepsStoredValuesWithoutUpdate()
    {
        // Arrange
        _options.InfoCheckTimeout = TimeSpan.FromSeconds(5);
        _chatwoot
            .Setup(c => c.GetInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .Returns(async (ChatwootConnection _, long _, CancellationToken token) =>
            {
                // Chatwoot does not answer: just under the limit the call still waits, at the limit it is given up.
                _time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
                Assert.That(token.IsCancellationRequested, Is.False);
                _time.Advance(TimeSpan.FromMilliseconds(1));
                Assert.That(token.IsCancellationRequested, Is.True);
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return new ChatwootInbox(TestData.InboxId, "RyzeAPI", null, null);
            });

        // Act
        var result = await Refresh(TestData.Integration());

        // Assert
        Assert.That(result, Is.EqualTo((IntegrationStatus.Active, string.Empty)));
        _integrations.VerifyNoOtherCalls();
    }

    [Test]
    public void RefreshAsync_CallerCancels_PropagatesOperationCanceled()
    {
        // Arrange
        using var caller = new CancellationTokenSource();
        _chatwoot
            .Setup(c => c.GetInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .Returns(async (ChatwootConnection _, long _, CancellationToken token) =>
            {
                await caller.CancelAsync();
                token.ThrowIfCancellationRequested();
                return new ChatwootInbox(TestData.InboxId, "RyzeAPI", null, null);
            });

        // Act
        var thrown = Assert.CatchAsync(() => Refresh(TestData.Integration(), caller.Token));

        // Assert
        Assert.That(thrown, Is.InstanceOf<OperationCanceledException>());
        _integrations.VerifyNoOtherCalls();
    }

    private void SetupGetInbox(Task<ChatwootInbox> answer) =>
        _chatwoot.Setup(c => c.GetInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<CancellationToken>())).Returns(answer);

    private Task<(IntegrationStatus Status, string LastError)> Refresh(
        ChatwootIntegration integration, CancellationToken cancellationToken = default) =>
        new ChatwootLiveCheck(_chatwoot.Object, _integrations.Object, Options.Create(_options), _time, NullLogger<ChatwootLiveCheck>.Instance)
            .RefreshAsync(integration, TestData.ApiToken, cancellationToken);
}
