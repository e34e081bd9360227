using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using NUnit.Framework;
using RyzeApi.Application.Chatwoot.Commands.DeactivateChatwoot;
using RyzeApi.Application.Common;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;
using RyzeApi.Application.Common.Options;
using RyzeApi.Application.UnitTests.Support;

namespace RyzeApi.Application.UnitTests.Chatwoot.Commands.DeactivateChatwoot;

[TestFixture]
public sealed class DeactivateChatwootCommandHandlerTests
{
    private readonly Mock<IInstanceRepository> _instances = new();
    private readonly Mock<IChatwootIntegrationRepository> _integrations = new();
    private readonly Mock<ITokenProtector> _protector = new();
    private readonly Mock<IChatwootClient> _chatwoot = new();
    private readonly List<string> _calls = [];
    private readonly DeactivateChatwootCommand _command = new(TestData.AccountCaller, TestData.Instance.Name);

    [SetUp]
    public void SetUp()
    {
        _instances.Setup(r => r.FindByNameAsync(TestData.Instance.Name, It.IsAny<CancellationToken>())).ReturnsAsync(TestData.Instance);
        _integrations
            .Setup(r => r.FindByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredChatwootIntegration(TestData.Integration(), TestData.StoredToken));
        _integrations
            .Setup(r => r.DeleteByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("delete row"))
            .ReturnsAsync(true);
        _protector.Setup(p => p.Unprotect(TestData.StoredToken, TestData.IntegrationId)).Returns(TestData.ApiToken);
        _chatwoot
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
        _integrations.Verify(r => r.DeleteByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()), Times.Once);
        _chatwoot.Verify(c => c.SetInboxWebhookAsync(TestData.Connection, TestData.InboxId, "", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_StoredTokenUnreadable_DeletesRowAndSkipsChatwoot()
    {
        // Arrange
        _protector
            .Setup(p => p.Unprotect(TestData.StoredToken, TestData.IntegrationId))
            .Throws(new SecretUnreadableException("No encryption key with id k1 is configured"));

        // Act
        await Handler().Handle(_command, CancellationToken.None);

        // Assert
        Assert.That(_calls, Is.EqualTo(new[] { "delete row" }));
        _chatwoot.VerifyNoOtherCalls();
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
        _chatwoot
            .Setup(c => c.SetInboxWebhookAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(failure);

        // Act
        // Assert
        Assert.DoesNotThrowAsync(async () => await Handler().Handle(_command, CancellationToken.None));
        _integrations.Verify(r => r.DeleteByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public void Handle_NoIntegration_ThrowsNotFoundWithoutDeleting()
    {
        // Arrange
        _integrations
            .Setup(r => r.FindByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync((StoredChatwootIntegration?)null);

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(async () => await Handler().Handle(_command, CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("no chatwoot integration to delete"));
        _integrations.Verify(r => r.DeleteByInstanceAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
        _chatwoot.VerifyNoOtherCalls();
    }

    [Test]
    public void Handle_RowDeletedConcurrently_ThrowsNotFoundWithoutTouchingChatwoot()
    {
        // Arrange
        _integrations.Setup(r => r.DeleteByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(async () => await Handler().Handle(_command, CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("no chatwoot integration to delete"));
        _chatwoot.VerifyNoOtherCalls();
    }

    [Test]
    public void Handle_InstanceMissing_ThrowsNotFound()
    {
        // Arrange
        var command = new DeactivateChatwootCommand(TestData.AccountCaller, "missing");

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(async () => await Handler().Handle(command, CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("instance not found"));
        _integrations.VerifyNoOtherCalls();
    }

    private DeactivateChatwootCommandHandler Handler() => new(
        new InstanceResolver(_instances.Object),
        _integrations.Object,
        _protector.Object,
        _chatwoot.Object,
        Options.Create(new ChatwootModuleOptions()),
        NullLogger<DeactivateChatwootCommandHandler>.Instance);
}
