namespace RyzeApi.Infrastructure.IntegrationTests.Persistence;

/// <summary>PostgreSQL refuses NUL. Every string Chatwoot or the engine sends that is stored (the inbox name Chatwoot
/// answered, a contact's source id, a conversation's status, a chat id, health texts) loses its NULs at the write
/// instead of failing it, whatever path brought it there (docs/adr/0014-hostile-text.md).</summary>
public sealed class NulAtWritesTests : DatabaseTestBase
{
    private ChatwootIntegrationRepository Integrations => new(DataSource, TimeProvider.System);

    [Test]
    public async Task ReplaceAndUpdateHealth_InboxNameAndLastErrorWithNul_AreStoredWithout()
    {
        // Arrange: Chatwoot answered the inbox name with a NUL in it.
        var instance = await CreateInstanceAsync(await CreateAccountAsync("account-token"), "suporte", "instance-token");
        var sample = IntegrationSamples.New(instance.Id);
        var integration = sample with { Integration = sample.Integration with { InboxName = "Sup\0orte" } };

        // Act
        await Integrations.ReplaceAsync(integration, null, CancellationToken.None);
        await Integrations.UpdateHealthAsync(integration.Integration.Id, IntegrationStatus.Error, "Chat\0woot said no", CancellationToken.None);

        // Assert
        Assert.That(await Database.ScalarAsync<string>("SELECT inbox_name FROM chatwoot_integrations"), Is.EqualTo("Suporte"));
        Assert.That(await Database.ScalarAsync<string>("SELECT last_error FROM chatwoot_integrations"), Is.EqualTo("Chatwoot said no"));
    }

    [Test]
    public async Task SaveChatAndSetConversationStatus_WithNul_AreStoredWithout()
    {
        // Arrange
        var instance = await CreateInstanceAsync(await CreateAccountAsync("account-token"), "suporte", "instance-token");
        var integration = IntegrationSamples.New(instance.Id);
        await Integrations.ReplaceAsync(integration, null, CancellationToken.None);
        var id = integration.Integration.Id;
        var routing = new RoutingRepository(DataSource);

        // Act
        await routing.SaveChatAsync(new RoutedChat(id, "55\01@s.whatsapp.net", 31, "src\0-31", 77, "op\0en"), CancellationToken.None);
        var afterSave = await Database.ScalarAsync<string>("SELECT conversation_status FROM chatwoot_chats");
        await routing.SetConversationStatusAsync(id, 77, "reso\0lved", CancellationToken.None);

        // Assert
        Assert.That(await Database.ScalarAsync<string>("SELECT chat_jid || '|' || contact_source_id FROM chatwoot_chats"),
            Is.EqualTo("551@s.whatsapp.net|src-31"));
        Assert.That(afterSave, Is.EqualTo("open"));
        Assert.That(await Database.ScalarAsync<string>("SELECT conversation_status FROM chatwoot_chats"), Is.EqualTo("resolved"));
    }
}
