using NUnit.Framework;

namespace RyzeApi.Infrastructure.IntegrationTests.Routing;

public sealed class RoutingIntegrationsTests : DatabaseTestBase
{
    private NewChatwootIntegration _integration = null!;
    private InstanceRecord _instance = null!;
    private RoutingIntegrations _integrations = null!;
    private RoutingRepository _routing = null!;

    private string IntegrationId => _integration.Integration.Id;

    [SetUp]
    public async Task CreateIntegration()
    {
        var account = await CreateAccountAsync("account-token-webhook-0001");
        var instance = await CreateInstanceAsync(account, "vendas", "instance-token-webhook-0001");
        _instance = instance;
        _integration = IntegrationSamples.New(instance.Id, new ProtectedSecret("k0123456789ab", [9, 8, 7]));
        await new ChatwootIntegrationRepository(DataSource, TimeProvider.System).ReplaceAsync(_integration, null, CancellationToken.None);
        _integrations = new RoutingIntegrations(DataSource);
        _routing = new RoutingRepository(DataSource);
    }

    [Test]
    public async Task FindWebhook_KnownMessageAndConversation_BringsCredentialsLinkAndChatTogether()
    {
        // Arrange
        var chat = new RoutedChat(IntegrationId, "5511988887777", 31, "src-31", 77, "pending");
        await _routing.SaveChatAsync(chat, CancellationToken.None);
        await Database.ExecuteAsync($"""
            INSERT INTO message_links (integration_id, whatsapp_id, chatwoot_message_id, chatwoot_conversation_id, direction)
            VALUES ('{IntegrationId}', 'WAID1', 501, 77, 'to_whatsapp')
            """);

        // Act
        var lookup = await _integrations.FindWebhookAsync(IntegrationId, 501, 77, CancellationToken.None);

        // Assert
        Assert.That(lookup, Is.Not.Null);
        Assert.That(lookup!.Credentials.WebhookSecretHash, Is.EqualTo(_integration.WebhookSecretHash));
        Assert.That(lookup.Credentials.InboxSecret!.Ciphertext, Is.EqualTo(new byte[] { 9, 8, 7 }));
        Assert.That(lookup.LinkDirection, Is.EqualTo(MessageDirection.ToWhatsApp));
        Assert.That(lookup.Chat, Is.EqualTo(chat));
    }

    [Test]
    public async Task FindWebhook_UnknownOrMissingIds_BringsTheCredentialsAlone()
    {
        // Act
        var unknown = await _integrations.FindWebhookAsync(IntegrationId, 999, 888, CancellationToken.None);
        var missing = await _integrations.FindWebhookAsync(IntegrationId, null, null, CancellationToken.None);

        // Assert
        Assert.That((unknown!.LinkDirection, unknown.Chat, unknown.Credentials.IntegrationId), Is.EqualTo(((MessageDirection?)null, (RoutedChat?)null, IntegrationId)));
        Assert.That((missing!.LinkDirection, missing.Chat, missing.Credentials.IntegrationId), Is.EqualTo(((MessageDirection?)null, (RoutedChat?)null, IntegrationId)));
    }

    [Test]
    public async Task FindWebhook_UnknownIntegration_IsNull()
    {
        // Act + Assert
        Assert.That(await _integrations.FindWebhookAsync("int_unknown", 501, 77, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task FindEngineEventTarget_InstanceWithIntegration_BringsBothTogether()
    {
        // Arrange
        await Database.ExecuteAsync($"UPDATE chatwoot_integrations SET ignore_groups = true WHERE id = '{IntegrationId}'");

        // Act
        var target = await _integrations.FindEngineEventTargetAsync("vendas", CancellationToken.None);

        // Assert
        Assert.That(target, Is.EqualTo(new EngineEventTarget(_instance, IntegrationId, true)));
    }

    [Test]
    public async Task FindEngineEventTarget_InstanceWithoutIntegration_HasNoIntegrationId()
    {
        // Arrange
        var account = await CreateAccountAsync("account-token-webhook-0002");
        var other = await CreateInstanceAsync(account, "sem-integracao", "instance-token-webhook-0002");

        // Act
        var target = await _integrations.FindEngineEventTargetAsync("sem-integracao", CancellationToken.None);

        // Assert
        Assert.That(target, Is.EqualTo(new EngineEventTarget(other, null, false)));
        Assert.That(await _integrations.FindEngineEventTargetAsync("nao-existe", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task SetHealth_AfterAHalt_ALaterSuccessLeavesTheErrorUntilActivation()
    {
        // Arrange: a batch halted the integration; another, begun before it, then delivered
        const string tokenRejected = "Chatwoot rejected the API token - verify chatwootApiToken";
        await _integrations.SetHealthAsync(IntegrationId, IntegrationStatus.Error, tokenRejected, halt: true, CancellationToken.None);

        // Act
        await _integrations.SetHealthAsync(IntegrationId, IntegrationStatus.Active, string.Empty, halt: false, CancellationToken.None);
        await _integrations.SetHealthAsync(IntegrationId, IntegrationStatus.Paused, "Chatwoot or the engine is unavailable", halt: false, CancellationToken.None);

        // Assert
        Assert.That(await Database.ScalarAsync<string>($"SELECT status || '|' || last_error || '|' || deliveries_halted FROM chatwoot_integrations WHERE id = '{IntegrationId}'"),
            Is.EqualTo($"error|{tokenRejected}|true"));
    }

    [Test]
    public async Task SetHealth_NotHalted_FollowsEachBatch()
    {
        // Act
        await _integrations.SetHealthAsync(IntegrationId, IntegrationStatus.Paused, "Chatwoot or the engine is unavailable", halt: false, CancellationToken.None);
        await _integrations.SetHealthAsync(IntegrationId, IntegrationStatus.Active, string.Empty, halt: false, CancellationToken.None);

        // Assert
        Assert.That(await Database.ScalarAsync<string>($"SELECT status || '|' || last_error || '|' || deliveries_halted FROM chatwoot_integrations WHERE id = '{IntegrationId}'"),
            Is.EqualTo("active||false"));
    }
}
