using Dapper;

namespace RyzeApi.Infrastructure.IntegrationTests.Routing;

/// <summary>An agent reply verified with what the process remembered is recorded only if PostgreSQL still agrees.</summary>
public sealed class KnownReplyEnqueueTests : OutboxTestBase
{
    private WebhookCredentials _credentials = null!;
    private string _integrationId = null!;

    [SetUp]
    public async Task CreateIntegrationWithAChat()
    {
        var account = await CreateAccountAsync("account-token-known-0001");
        var instance = await CreateInstanceAsync(account, "suporte", "instance-token-known-0001");
        var integration = IntegrationSamples.New(instance.Id, new ProtectedSecret("k1", [1, 2, 3]));
        await new ChatwootIntegrationRepository(DataSource, TimeProvider.System).ReplaceAsync(integration, null, CancellationToken.None);
        _integrationId = integration.Integration.Id;
        await new RoutingRepository(DataSource).SaveChatAsync(new RoutedChat(_integrationId, "chat-a", 31, "src-31", 77, "open"), CancellationToken.None);
        await new RoutingRepository(DataSource).SaveChatAsync(new RoutedChat(_integrationId, "chat-b", 32, "src-32", 78, "open"), CancellationToken.None);
        _credentials = (await new RoutingIntegrations(DataSource).FindWebhookAsync(_integrationId, null, null, CancellationToken.None))!.Credentials;
    }

    [Test]
    public async Task EnqueueKnownReply_AllAsRemembered_IsRecorded()
    {
        // Act
        var recorded = await Outbox.EnqueueKnownReplyAsync(Reply(501), Expected(501), CancellationToken.None);

        // Assert
        Assert.That(recorded, Is.True);
        Assert.That(await CountPendingAsync(_integrationId), Is.EqualTo(1));
    }

    [TestCase("webhook secret changed")]
    [TestCase("inbox signing secret changed")]
    [TestCase("inbox signing secret removed")]
    [TestCase("conversation is another chat's")]
    [TestCase("conversation unknown")]
    [TestCase("message RyzeApi created")]
    [TestCase("message already sent")]
    [TestCase("same reply recorded before")]
    [TestCase("integration deleted")]
    public async Task EnqueueKnownReply_WhatWasRememberedNoLongerHolds_RecordsNothing(string change)
    {
        // Arrange
        var expected = Expected(501);
        var pendingBefore = 0;
        switch (change)
        {
            case "webhook secret changed":
                expected = expected with { Credentials = _credentials with { WebhookSecretHash = new byte[32] } };
                break;
            case "inbox signing secret changed":
                expected = expected with { Credentials = _credentials with { InboxSecret = new ProtectedSecret("k1", [1, 2, 4]) } };
                break;
            case "inbox signing secret removed":
                expected = expected with { Credentials = _credentials with { InboxSecret = null } };
                break;
            case "conversation is another chat's":
                expected = expected with { ConversationId = 78 };
                break;
            case "conversation unknown":
                expected = expected with { ConversationId = 79 };
                break;
            case "message RyzeApi created":
                await LinkAsync(501, MessageDirection.ToChatwoot);
                break;
            case "message already sent":
                await LinkAsync(501, MessageDirection.ToWhatsApp);
                break;
            case "same reply recorded before":
                await Outbox.EnqueueAsync(_integrationId, Reply(501), CancellationToken.None);
                pendingBefore = 1;
                break;
            case "integration deleted":
                await using (var connection = await DataSource.OpenConnectionAsync())
                {
                    await connection.ExecuteAsync("DELETE FROM chatwoot_integrations WHERE id = @Id", new { Id = _integrationId });
                }

                break;
        }

        // Act
        var recorded = await Outbox.EnqueueKnownReplyAsync(Reply(501), expected, CancellationToken.None);

        // Assert
        Assert.That(recorded, Is.False);
        Assert.That(await CountPendingAsync(_integrationId), Is.EqualTo(pendingBefore));
    }

    private static AgentReply Reply(long messageId) => new(messageId, 77, "chat-a", "Posso ajudar?", "Ana", []);

    private KnownReply Expected(long messageId) => new(_credentials, messageId, 77, "chat-a");

    private async Task LinkAsync(long chatwootMessageId, MessageDirection direction)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO message_links (integration_id, whatsapp_id, chatwoot_message_id, chatwoot_conversation_id, direction) VALUES (@Id, 'wa-1', @Message, 77, @Direction)",
            new { Id = _integrationId, Message = chatwootMessageId, Direction = direction.ToName() });
    }
}
