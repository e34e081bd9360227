using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;
using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.UnitTests.Chatwoot.Commands.ActivateChatwoot;

[TestFixture]
public sealed class ActivateChatwootCommandHandlerTests
{
    private readonly ActivationFixture _fixture = new();

    [Test]
    public void Handle_ModuleNotConfigured_ThrowsModuleNotConfiguredBeforeAnythingElse()
    {
        // Arrange
        _fixture.Module.SetupGet(m => m.IsConfigured).Returns(false);
        var command = new ActivateChatwootCommand(TestData.AccountCaller, TestData.Instance.Name, TestData.Fields(), null);

        // Act
        var thrown = Assert.ThrowsAsync<ModuleNotConfiguredException>(async () => await _fixture.Handler().Handle(command, CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("integration gateway not configured"));
        _fixture.Instances.VerifyNoOtherCalls();
        _fixture.Chatwoot.VerifyNoOtherCalls();
        _fixture.Integrations.VerifyNoOtherCalls();
    }

    [Test]
    public void Handle_ProtectorFails_NeverCallsChatwoot()
    {
        // Arrange
        _fixture.Protector.Setup(p => p.Protect(It.IsAny<string>(), It.IsAny<string>())).Throws(new InvalidOperationException("no key"));
        var command = new ActivateChatwootCommand(TestData.AccountCaller, TestData.Instance.Name, TestData.Fields(), null);

        // Act
        Assert.ThrowsAsync<InvalidOperationException>(async () => await _fixture.Handler().Handle(command, CancellationToken.None));

        // Assert: nothing was created in Chatwoot, so nothing can be orphaned.
        _fixture.Chatwoot.VerifyNoOtherCalls();
        _fixture.Integrations.VerifyNoOtherCalls();
    }

    [Test]
    public void Handle_InstanceDoesNotExist_ThrowsNotFoundWithoutCallingChatwoot()
    {
        // Arrange
        var command = new ActivateChatwootCommand(TestData.AccountCaller, "missing", TestData.Fields(), null);

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(async () => await _fixture.Handler().Handle(command, CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("instance not found"));
        _fixture.Chatwoot.VerifyNoOtherCalls();
        _fixture.Integrations.VerifyNoOtherCalls();
    }

    [Test]
    public void Handle_InstanceOfAnotherAccount_ThrowsNotFound()
    {
        // Arrange
        var caller = new Caller(TestData.OtherAccountId, null, null);
        var command = new ActivateChatwootCommand(caller, TestData.Instance.Name, TestData.Fields(), null);

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(async () => await _fixture.Handler().Handle(command, CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("instance not found"));
        _fixture.Chatwoot.VerifyNoOtherCalls();
    }

    [Test]
    public void Handle_InstanceTokenOfAnotherInstance_ThrowsNotFound()
    {
        // Arrange
        var caller = new Caller(TestData.AccountId, Guid.NewGuid(), "other");
        var command = new ActivateChatwootCommand(caller, TestData.Instance.Name, TestData.Fields(), null);

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(async () => await _fixture.Handler().Handle(command, CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("instance not found"));
        _fixture.Chatwoot.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Handle_InstanceTokenOfThatInstance_Activates()
    {
        // Arrange
        var caller = new Caller(TestData.AccountId, TestData.Instance.Id, TestData.Instance.Name);
        var command = new ActivateChatwootCommand(caller, TestData.Instance.Name, TestData.Fields(), null);

        // Act
        var result = await _fixture.Handler().Handle(command, CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("active"));
            Assert.That(_fixture.Completion, Is.Null);
        });
        _fixture.Idempotency.VerifyNoOtherCalls();
    }

    [Test]
    public async Task Handle_ClaimedKey_ClaimsScopedKeyAndCompletesItWithTheSerializedResult()
    {
        // Arrange
        IdempotencyKey? claimed = null;
        _fixture.Idempotency
            .Setup(s => s.ClaimAsync(It.IsAny<IdempotencyKey>(), It.IsAny<CancellationToken>()))
            .Callback((IdempotencyKey key, CancellationToken _) => claimed = key)
            .ReturnsAsync(new IdempotencyClaim(IdempotencyClaimOutcome.Claimed));

        // Act
        var result = await _fixture.Handler().Handle(Command("key-1"), CancellationToken.None);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(claimed!.AccountId, Is.EqualTo(TestData.AccountId));
            Assert.That(claimed.Operation, Is.EqualTo("chatwoot.activate/sales"));
            Assert.That(claimed.Key, Is.EqualTo("key-1"));
            Assert.That(claimed.Fingerprint, Is.EqualTo(ActivateChatwootCommandHandler.Fingerprint(TestData.Fields())));
            Assert.That(_fixture.Completion!.Key, Is.SameAs(claimed));
            Assert.That(_fixture.Completion.Response, Is.EqualTo(
                $$"""{"Instance":"sales","Status":"active","BridgeIntegrationId":"{{result.BridgeIntegrationId}}","Message":"chatwoot integration activated"}"""));
        });
        _fixture.Idempotency.Verify(s => s.ReleaseAsync(It.IsAny<IdempotencyKey>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_Replay_ReturnsStoredResponseWithoutCallingChatwoot()
    {
        // Arrange: the integration the first answer announced is still the instance's.
        SetupClaim(new IdempotencyClaim(IdempotencyClaimOutcome.Replay, StoredAnswer(TestData.IntegrationId)));
        SetupCurrentIntegration(TestData.Integration());

        // Act
        var result = await _fixture.Handler().Handle(Command("key-1"), CancellationToken.None);

        // Assert
        Assert.That(result, Is.EqualTo(new ActivateChatwootResult("sales", "active", TestData.IntegrationId, "chatwoot integration activated")));
        _fixture.Chatwoot.VerifyNoOtherCalls();
        _fixture.Integrations.Verify(r => r.FindByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()), Times.Once);
        _fixture.Integrations.VerifyNoOtherCalls();
    }

    [TestCase(false, TestName = "Handle_ReplayAfterDeactivation_ThrowsConflictInsteadOfClaimingSuccess")]
    [TestCase(true, TestName = "Handle_ReplayAfterAnotherActivation_ThrowsConflictInsteadOfClaimingSuccess")]
    public void Handle_ReplayOfAnIntegrationGoneSince_ThrowsConflict(bool replacedByAnother)
    {
        // Arrange: deactivated (no integration) or replaced (another bridge id) since the first answer.
        SetupClaim(new IdempotencyClaim(IdempotencyClaimOutcome.Replay, StoredAnswer("int_0000000000000099")));
        SetupCurrentIntegration(replacedByAnother ? TestData.Integration() : null);

        // Act
        var thrown = Assert.ThrowsAsync<ConflictException>(async () => await _fixture.Handler().Handle(Command("key-1"), CancellationToken.None));

        // Assert: nothing is created again either; the caller decides with a new key.
        Assert.That(thrown.Message, Is.EqualTo(ActivateChatwootCommandHandler.ReplacedSinceMessage));
        _fixture.Chatwoot.VerifyNoOtherCalls();
        _fixture.Idempotency.Verify(s => s.ReleaseAsync(It.IsAny<IdempotencyKey>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static string StoredAnswer(string bridgeId) =>
        $$"""{"Instance":"sales","Status":"active","BridgeIntegrationId":"{{bridgeId}}","Message":"chatwoot integration activated"}""";

    private void SetupCurrentIntegration(RyzeApi.Domain.Chatwoot.ChatwootIntegration? integration) =>
        _fixture.Integrations
            .Setup(r => r.FindByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(integration is null ? null : new StoredChatwootIntegration(integration, TestData.StoredToken));

    [TestCase(IdempotencyClaimOutcome.Mismatch, "Idempotency-Key was already used with a different request body - use a new key for a new request")]
    [TestCase(IdempotencyClaimOutcome.InProgress, "a request with this Idempotency-Key is still in progress - retry later")]
    public void Handle_KeyNotUsable_ThrowsConflictWithoutCallingChatwoot(IdempotencyClaimOutcome outcome, string message)
    {
        // Arrange
        SetupClaim(new IdempotencyClaim(outcome));

        // Act
        var thrown = Assert.ThrowsAsync<ConflictException>(async () => await _fixture.Handler().Handle(Command("key-1"), CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo(message));
        _fixture.Chatwoot.VerifyNoOtherCalls();
        _fixture.Idempotency.Verify(s => s.ReleaseAsync(It.IsAny<IdempotencyKey>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_FailureAfterClaim_ReleasesTheKeyAndRethrows()
    {
        // Arrange
        IdempotencyKey? claimed = null;
        _fixture.Idempotency
            .Setup(s => s.ClaimAsync(It.IsAny<IdempotencyKey>(), It.IsAny<CancellationToken>()))
            .Callback((IdempotencyKey key, CancellationToken _) => claimed = key)
            .ReturnsAsync(new IdempotencyClaim(IdempotencyClaimOutcome.Claimed));
        var failure = new UpstreamUnavailableException("Chatwoot is unreachable");
        _fixture.Chatwoot
            .Setup(c => c.CreateApiInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(failure);

        // Act
        var thrown = Assert.CatchAsync(async () => await _fixture.Handler().Handle(Command("key-1"), CancellationToken.None));

        // Assert
        Assert.That(thrown, Is.SameAs(failure));
        _fixture.Idempotency.Verify(s => s.ReleaseAsync(claimed!, CancellationToken.None), Times.Once);
        _fixture.Integrations.VerifyNoOtherCalls();
    }

    private static ActivateChatwootCommand Command(string key) =>
        new(TestData.AccountCaller, TestData.Instance.Name, TestData.Fields(), key);

    private void SetupClaim(IdempotencyClaim claim) =>
        _fixture.Idempotency.Setup(s => s.ClaimAsync(It.IsAny<IdempotencyKey>(), It.IsAny<CancellationToken>())).ReturnsAsync(claim);
}
