namespace RyzeApi.Application.UnitTests.Support;

/// <summary>What the handlers of an existing integration (info, deactivation) share: the instance, its stored
/// integration with a readable token, and the missing-instance and missing-integration cases each of them answers alike.</summary>
public abstract class StoredIntegrationFixture
{
    protected Mock<IInstanceRepository> Instances { get; } = new();

    protected Mock<IChatwootIntegrationRepository> Integrations { get; } = new();

    protected Mock<ITokenProtector> Protector { get; } = new();

    protected Mock<IChatwootClient> ChatwootClient { get; } = new();

    [SetUp]
    public void SetUpStoredIntegration()
    {
        Instances.Setup(r => r.FindByNameAsync(TestData.Instance.Name, It.IsAny<CancellationToken>())).ReturnsAsync(TestData.Instance);
        Integrations
            .Setup(r => r.FindByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredChatwootIntegration(TestData.Integration(), TestData.StoredToken));
        Protector.Setup(p => p.Unprotect(TestData.StoredToken, TestData.IntegrationId)).Returns(TestData.ApiToken);
    }

    [Test]
    public void Handle_InstanceMissing_ThrowsNotFound()
    {
        // Arrange
        // (no instance is named "missing")

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(() => HandleForInstanceAsync("missing"));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("instance not found"));
        Integrations.VerifyNoOtherCalls();
    }

    [Test]
    public void Handle_NoIntegration_ThrowsNotFoundWithoutDeletingOrCallingChatwoot()
    {
        // Arrange
        Integrations
            .Setup(r => r.FindByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync((StoredChatwootIntegration?)null);

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(() => HandleForInstanceAsync(TestData.Instance.Name));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo(NoIntegrationMessage));
        Integrations.Verify(r => r.DeleteByInstanceAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
        ChatwootClient.VerifyNoOtherCalls();
    }

    /// <summary>What the handler answers for an instance without an integration.</summary>
    protected abstract string NoIntegrationMessage { get; }

    /// <summary>Runs the handler under test for the instance named <paramref name="instanceName"/>.</summary>
    protected abstract Task HandleForInstanceAsync(string instanceName);
}
