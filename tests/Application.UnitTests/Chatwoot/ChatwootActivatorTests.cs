using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.UnitTests.Chatwoot;

[TestFixture]
public sealed partial class ChatwootActivatorTests
{
    private readonly ActivationFixture _fixture = new();

    [Test]
    public async Task ActivateAsync_NoInboxName_CreatesInboxNamedRyzeApiWithWebhookToOurServer()
    {
        // Arrange
        var fields = TestData.Fields(inboxName: null);

        // Act
        await Activate(fields);

        // Assert
        _fixture.Chatwoot.Verify(
            c => c.CreateApiInboxAsync(TestData.Connection, "RyzeAPI", It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.That(_fixture.WebhookUrl, Does.Match(WebhookPattern()));
    }

    [Test]
    public async Task ActivateAsync_HappyPath_StoresIntegrationBoundToTheWebhookUrl()
    {
        // Arrange
        var fields = TestData.Fields("Support");
        _fixture.Inbox = new ChatwootInbox(TestData.InboxId, "Support", null, null);

        // Act
        var result = await Activate(fields);

        // Assert
        var (id, secret) = WebhookParts();
        var stored = _fixture.Stored!;
        Assert.Multiple(() =>
        {
            Assert.That(stored.Integration, Is.EqualTo(new ChatwootIntegration(
                id, TestData.Instance.Id, TestData.BaseUrl, TestData.ChatwootAccountId, TestData.InboxId, "Support",
                TestData.Settings, IntegrationStatus.Active, string.Empty, TestData.Now)));
            Assert.That(stored.WebhookSecretHash, Is.EqualTo(SecretTokens.Hash(secret)));
            Assert.That(stored.WebhookSecretHash, Is.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
            Assert.That(ActivationFixture.Describe(stored.ApiToken), Is.EqualTo($"k1:{id}|{TestData.ApiToken}"));
            Assert.That(stored.InboxSecret, Is.Null);
            Assert.That(result.Instance, Is.EqualTo("sales"));
            Assert.That(result.Status, Is.EqualTo("active"));
            Assert.That(result.BridgeIntegrationId, Is.EqualTo(id));
            Assert.That(result.Message, Is.EqualTo("chatwoot integration activated"));
            Assert.That(_fixture.Completion, Is.Null);
        });
        _fixture.Protector.Verify(p => p.Protect(TestData.ApiToken, id), Times.Once);
        _fixture.Protector.Verify(p => p.Protect(It.IsAny<string>(), It.IsAny<string>()), Times.Once);
        _fixture.Integrations.Verify(
            r => r.ReplaceAsync(It.IsAny<NewChatwootIntegration>(), It.IsAny<IdempotencyCompletion?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task ActivateAsync_ChatwootReturnsInboxSecret_StoresItProtectedWithInboxSecretAssociatedData()
    {
        // Arrange
        _fixture.Inbox = new ChatwootInbox(TestData.InboxId, "RyzeAPI", null, "hmac-secret");

        // Act
        await Activate(TestData.Fields());

        // Assert
        var (id, _) = WebhookParts();
        Assert.That(ActivationFixture.Describe(_fixture.Stored!.InboxSecret), Is.EqualTo($"k1:{id}/inbox-secret|hmac-secret"));
        _fixture.Protector.Verify(p => p.Protect("hmac-secret", id + "/inbox-secret"), Times.Once);
    }

    [Test]
    public async Task ActivateAsync_ChatwootReturnsEmptyInboxSecret_StoresNoInboxSecret()
    {
        // Arrange
        _fixture.Inbox = new ChatwootInbox(TestData.InboxId, "RyzeAPI", null, string.Empty);

        // Act
        await Activate(TestData.Fields());

        // Assert
        Assert.That(_fixture.Stored!.InboxSecret, Is.Null);
        _fixture.Protector.Verify(p => p.Protect(It.IsAny<string>(), It.IsAny<string>()), Times.Once);
    }

    [Test]
    public async Task ActivateAsync_TwoActivations_UseDifferentIdsAndSecrets()
    {
        // Arrange
        var fields = TestData.Fields();

        // Act
        await Activate(fields);
        var first = WebhookParts();
        await Activate(fields);
        var second = WebhookParts();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(second.Id, Is.Not.EqualTo(first.Id));
            Assert.That(second.Secret, Is.Not.EqualTo(first.Secret));
        });
    }

    [Test]
    public void ActivateAsync_ChatwootFails_StoresNothingAndRethrows()
    {
        // Arrange
        var failure = new UpstreamRejectedException(UpstreamFailureKind.CredentialsRejected, "Chatwoot rejected the API token", 401);
        _fixture.Chatwoot
            .Setup(c => c.CreateApiInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(failure);

        // Act
        var thrown = Assert.CatchAsync(() => Activate(TestData.Fields()));

        // Assert
        Assert.That(thrown, Is.SameAs(failure));
        _fixture.Integrations.VerifyNoOtherCalls();
        // Only the API token was encrypted (in memory, before the call); nothing was stored.
        _fixture.Protector.Verify(p => p.Protect(TestData.ApiToken, It.IsAny<string>()), Times.Once);
        _fixture.Protector.VerifyNoOtherCalls();
        _fixture.Chatwoot.Verify(
            c => c.DeleteInboxAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private Task<Application.Chatwoot.Commands.ActivateChatwoot.ActivateChatwootResult> Activate(ChatwootActivationFields fields) =>
        _fixture.Activator().ActivateAsync(TestData.Instance, fields, _ => null, CancellationToken.None);

    private (string Id, string Secret) WebhookParts()
    {
        var match = WebhookPattern().Match(_fixture.WebhookUrl!);
        Assert.That(match.Success, Is.True, _fixture.WebhookUrl);
        return (match.Groups["id"].Value, match.Groups["secret"].Value);
    }

    [GeneratedRegex(@"^https://ryze\.example\.com/api/chatwoot/webhook/(?<id>int_[a-z0-9]{16})/(?<secret>[A-Za-z0-9_-]{43})\z")]
    private static partial Regex WebhookPattern();
}
