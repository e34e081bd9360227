namespace RyzeApi.Application.UnitTests.Chatwoot;

[TestFixture]
public sealed class ChatwootActivatorPersistenceFailureTests
{
    private const string Fixed =
        "chatwoot integration failed: persist integration: the database did not store it; the failure was logged - retry later or contact the operator";

    private readonly ActivationFixture _fixture = new();
    private CancellationToken _cleanupToken;

    [SetUp]
    public void SetUp()
    {
        _fixture.Chatwoot
            .Setup(c => c.DeleteInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .Callback((ChatwootConnection _, long _, CancellationToken token) => _cleanupToken = token)
            .Returns(Task.CompletedTask);
    }

    [Test]
    public void ActivateAsync_DatabaseUnavailable_DeletesCreatedInboxAndThrowsPersistenceFailed()
    {
        // Arrange
        var failure = new DatabaseUnavailableException("boom");
        FailPersistenceWith(failure);
        using var caller = new CancellationTokenSource();

        // Act
        var thrown = Assert.ThrowsAsync<PersistenceFailedException>(() => Activate(caller.Token));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(thrown.Message, Is.EqualTo(Fixed).And.Not.Contain("boom"), "the database's text stays in the log");
            Assert.That(thrown.InnerException, Is.SameAs(failure));
            Assert.That(_cleanupToken, Is.Not.EqualTo(caller.Token));
            Assert.That(_cleanupToken.CanBeCanceled, Is.True);
        });
        _fixture.Chatwoot.Verify(c => c.DeleteInboxAsync(TestData.Connection, TestData.InboxId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void ActivateAsync_DatabaseUnavailableAfterCallerCancelled_StillDeletesInboxWithLiveToken()
    {
        // Arrange
        using var caller = new CancellationTokenSource();
        _fixture.Integrations
            .Setup(r => r.ReplaceAsync(It.IsAny<NewChatwootIntegration>(), It.IsAny<IdempotencyCompletion?>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await caller.CancelAsync();
                throw new DatabaseUnavailableException("boom");
            });

        // Act
        Assert.ThrowsAsync<PersistenceFailedException>(() => Activate(caller.Token));

        // Assert
        Assert.That(_cleanupToken.IsCancellationRequested, Is.False);
        _fixture.Chatwoot.Verify(c => c.DeleteInboxAsync(TestData.Connection, TestData.InboxId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void ActivateAsync_CleanupAlsoFails_StillThrowsPersistenceFailed()
    {
        // Arrange
        FailPersistenceWith(new DatabaseUnavailableException("boom"));
        _fixture.Chatwoot
            .Setup(c => c.DeleteInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UpstreamUnavailableException("Chatwoot is unreachable"));

        // Act
        var thrown = Assert.ThrowsAsync<PersistenceFailedException>(() => Activate(CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo(Fixed));
        _fixture.Chatwoot.Verify(c => c.DeleteInboxAsync(TestData.Connection, TestData.InboxId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void ActivateAsync_OtherPersistenceFailure_DeletesInboxAndRethrowsSameException()
    {
        // Arrange
        var failure = new InvalidOperationException("a bug while storing");
        FailPersistenceWith(failure);

        // Act
        var thrown = Assert.CatchAsync(() => Activate(CancellationToken.None));

        // Assert
        Assert.That(thrown, Is.SameAs(failure));
        _fixture.Chatwoot.Verify(c => c.DeleteInboxAsync(TestData.Connection, TestData.InboxId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void ActivateAsync_DeadlineFiresWhileStoring_DeletesInboxAndThrowsPersistenceFailed()
    {
        // Arrange
        FailPersistenceWith(new OperationCanceledException("cancelled while storing"));

        // Act
        var thrown = Assert.ThrowsAsync<PersistenceFailedException>(() => Activate(CancellationToken.None));

        // Assert
        Assert.That(thrown!.Message, Is.EqualTo("chatwoot integration failed: persist integration: the database did not answer within the activation timeout"));
        _fixture.Chatwoot.Verify(c => c.DeleteInboxAsync(TestData.Connection, TestData.InboxId, It.IsAny<CancellationToken>()), Times.Once);
    }

    private void FailPersistenceWith(Exception failure) =>
        _fixture.Integrations
            .Setup(r => r.ReplaceAsync(It.IsAny<NewChatwootIntegration>(), It.IsAny<IdempotencyCompletion?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(failure);

    private Task Activate(CancellationToken cancellationToken) =>
        _fixture.Activator().ActivateAsync(TestData.Instance, TestData.Fields(), _ => null, cancellationToken);
}
