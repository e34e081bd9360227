using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using NUnit.Framework;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;
using RyzeApi.Application.Common;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;
using RyzeApi.Application.Common.Options;
using RyzeApi.Application.UnitTests.Support;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Application.UnitTests.Chatwoot.Queries.GetChatwootStatus;

[TestFixture]
public sealed class GetChatwootStatusQueryHandlerTests
{
    private readonly Mock<IInstanceRepository> _instances = new();
    private readonly Mock<IChatwootIntegrationRepository> _integrations = new();
    private readonly Mock<ITokenProtector> _protector = new();
    private readonly Mock<IChatwootClient> _chatwoot = new();
    private readonly GetChatwootStatusQuery _query = new(TestData.AccountCaller, TestData.Instance.Name);

    [SetUp]
    public void SetUp()
    {
        _instances.Setup(r => r.FindByNameAsync(TestData.Instance.Name, It.IsAny<CancellationToken>())).ReturnsAsync(TestData.Instance);
        _integrations
            .Setup(r => r.FindByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredChatwootIntegration(TestData.Integration(), TestData.StoredToken));
        _protector.Setup(p => p.Unprotect(TestData.StoredToken, TestData.IntegrationId)).Returns(TestData.ApiToken);
    }

    [Test]
    public async Task Handle_LiveCheckOk_ReturnsStoredIntegrationWithDecryptedToken()
    {
        // Arrange
        _chatwoot
            .Setup(c => c.GetInboxAsync(TestData.Connection, TestData.InboxId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChatwootInbox(TestData.InboxId, "RyzeAPI", null, null));

        // Act
        var dto = await Handler().Handle(_query, CancellationToken.None);

        // Assert
        var integration = TestData.Integration();
        Assert.That(dto, Is.EqualTo(new ChatwootStatusDto(
            "sales", IntegrationStatus.Active, TestData.IntegrationId, TestData.BaseUrl, TestData.ChatwootAccountId, TestData.ApiToken,
            TestData.InboxId, "RyzeAPI", string.Empty, integration.CreatedAt, TestData.Settings)));
        _integrations.Verify(
            r => r.UpdateHealthAsync(It.IsAny<string>(), It.IsAny<IntegrationStatus>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Handle_InboxDeletedInChatwoot_ReturnsErrorAndRecordsIt()
    {
        // Arrange
        _chatwoot
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
        _integrations.Verify(r => r.UpdateHealthAsync(TestData.IntegrationId, IntegrationStatus.Error, expected, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_ChatwootUnavailable_ReturnsStoredValues()
    {
        // Arrange
        _chatwoot
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
        _integrations.Verify(
            r => r.UpdateHealthAsync(It.IsAny<string>(), It.IsAny<IntegrationStatus>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Handle_NoIntegration_ThrowsNotFound()
    {
        // Arrange
        _integrations
            .Setup(r => r.FindByInstanceAsync(TestData.Instance.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync((StoredChatwootIntegration?)null);

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(async () => await Handler().Handle(_query, CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("no chatwoot integration for this instance"));
        _chatwoot.VerifyNoOtherCalls();
    }

    [Test]
    public void Handle_InstanceMissing_ThrowsNotFound()
    {
        // Arrange
        var query = new GetChatwootStatusQuery(TestData.AccountCaller, "missing");

        // Act
        var thrown = Assert.ThrowsAsync<NotFoundException>(async () => await Handler().Handle(query, CancellationToken.None));

        // Assert
        Assert.That(thrown.Message, Is.EqualTo("instance not found"));
        _integrations.VerifyNoOtherCalls();
    }

    private GetChatwootStatusQueryHandler Handler() => new(
        new InstanceResolver(_instances.Object),
        _integrations.Object,
        _protector.Object,
        new ChatwootLiveCheck(
            _chatwoot.Object, _integrations.Object, Options.Create(new ChatwootModuleOptions()), NullLogger<ChatwootLiveCheck>.Instance));
}
