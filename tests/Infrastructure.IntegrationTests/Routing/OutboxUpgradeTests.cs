using System.Text.Json;
using DbUp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using RyzeApi.Infrastructure.Persistence;
using RyzeApi.Testing.Postgres;

namespace RyzeApi.Infrastructure.IntegrationTests.Routing;

/// <summary>A database deployed before lanes had a kind column (migration 0005) keeps its pending work: the rows are
/// converted in place, are claimed as before, read with their kinds' contracts, and stay in their lanes' order.</summary>
public sealed class OutboxUpgradeTests
{
    private const string IntegrationId = "int_upgrade";

    [Test]
    public async Task Upgrade_PendingRowsOfTheOldLayout_AreClaimedInTheirLanesAndReadable()
    {
        // Arrange: a database at migration 0004 with what a deployed version recorded
        await using var database = await TestDatabase.CreateAsync("outbox_upgrade", migrate: false);
        MigrateUpTo(database.ConnectionString, "0004_");
        var inbound = new WhatsAppMessage("3EB0IN", "chat-a", "João", false, "chat-a", "João", false, WhatsAppMessageKind.Media, null,
            new WhatsAppMedia("image", null, Convert.ToBase64String([1, 2, 3]), "image/jpeg", null, null), null);
        var reply = new AgentReply(501, 77, "chat-a", "Olá", "Ana", []);
        var status = new MessageStatusChange("3EB0OUT", "delivered", null);
        await database.ExecuteAsync($"""
            INSERT INTO accounts (id, name, token_hash) VALUES ('00000000-0000-0000-0000-000000000001', 'a', decode(repeat('01', 32), 'hex'));
            INSERT INTO instances (id, account_id, name, token_hash, created_at)
                VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'suporte', decode(repeat('02', 32), 'hex'), now());
            INSERT INTO chatwoot_integrations (id, instance_id, base_url, chatwoot_account_id, api_token_key_id, api_token_ciphertext,
                inbox_id, inbox_name, webhook_secret_hash, sign_messages, ignore_groups, start_as_pending, reopen_resolved,
                status, last_error, created_at, updated_at)
                VALUES ('{IntegrationId}', '00000000-0000-0000-0000-000000000002', 'http://cw', 1, 'k', '\x03', 5, 'inbox',
                        decode(repeat('04', 32), 'hex'), false, false, false, true, 'active', '', now(), now());
            INSERT INTO chatwoot_chats (integration_id, chat_jid, contact_id, contact_source_id, conversation_id, conversation_status)
                VALUES ('{IntegrationId}', 'chat-a', 31, 'src-31', 77, 'open');
            INSERT INTO outbox (integration_id, kind, chat_key, dedupe_key, payload) VALUES
                ('{IntegrationId}', 'whatsapp_message', 'in:chat-a', 'wa:3EB0IN', '{JsonSerializer.Serialize(inbound)}'),
                ('{IntegrationId}', 'agent_reply', 'out:chat-a', 'cw:501', '{JsonSerializer.Serialize(reply)}'),
                ('{IntegrationId}', 'message_status', 'status:3EB0OUT', 'st:3EB0OUT:delivered', '{JsonSerializer.Serialize(status)}');
            """);

        // Act
        DatabaseMigrator.Migrate(database.ConnectionString, NullLogger.Instance);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var writers = new OutboxWriters(dataSource, Options.Create(new RoutingOptions()));
        await writers.StartAsync(CancellationToken.None);
        var outbox = new OutboxRepository(dataSource, writers);
        var claimed = await outbox.ClaimAsync("w1", 10, TimeSpan.FromMinutes(1), CancellationToken.None);
        var later = await outbox.EnqueueAsync(IntegrationId, inbound with { Id = "3EB0NEXT" }, CancellationToken.None);
        var heldBehind = await outbox.ClaimAsync("w2", 10, TimeSpan.FromMinutes(1), CancellationToken.None);
        var repeated = await outbox.EnqueueAsync(IntegrationId, reply, CancellationToken.None);
        await writers.StopAsync(CancellationToken.None);

        // Assert
        Assert.That(claimed.Select(i => (i.Kind, i.Lane)), Is.EqualTo(new[]
        {
            (WhatsAppMessage.KindName, new Lane(LaneKind.WhatsAppChat, "chat-a")),
            (AgentReply.KindName, new Lane(LaneKind.AgentReplies, "chat-a")),
            (MessageStatusChange.KindName, new Lane(LaneKind.MessageStatus, "3EB0OUT")),
        }));
        Assert.That(claimed[0].Chat, Is.EqualTo(new RoutedChat(IntegrationId, "chat-a", 31, "src-31", 77, "open")), "the claimed-chat shortcut holds");
        Assert.That(JsonSerializer.Deserialize(claimed[0].Payload, WhatsAppMessage.JsonType), Is.EqualTo(inbound));
        Assert.That(JsonSerializer.Deserialize(claimed[1].Payload, AgentReply.JsonType)!.Content, Is.EqualTo("Olá"));
        Assert.That(JsonSerializer.Deserialize(claimed[2].Payload, MessageStatusChange.JsonType), Is.EqualTo(status));
        Assert.That(later, Is.True);
        Assert.That(heldBehind, Is.Empty, "a new message of the chat waits behind the converted one: same lane");
        Assert.That(repeated, Is.False, "dedupe keys recorded before the upgrade still count");
    }

    private static void MigrateUpTo(string connectionString, string lastScript)
    {
        var result = DeployChanges.To.PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name =>
                name.Contains(".Persistence.Migrations.", StringComparison.Ordinal)
                && string.CompareOrdinal(name[(name.IndexOf(".Persistence.Migrations.", StringComparison.Ordinal) + 24)..], lastScript + "~") < 0)
            .WithTransactionPerScript()
            .Build()
            .PerformUpgrade();
        Assert.That(result.Successful, Is.True, result.Error?.Message);
    }
}
