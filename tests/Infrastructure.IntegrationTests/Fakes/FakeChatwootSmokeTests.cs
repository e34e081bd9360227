using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RyzeApi.Application.Routing.Ingress;
using RyzeApi.Testing.Chatwoot;
using RyzeApi.Testing.Engine;

namespace RyzeApi.Infrastructure.IntegrationTests.Fakes;

/// <summary>Smoke test of the stateful fake Chatwoot against the application's real adapter and parsers.</summary>
public sealed class FakeChatwootSmokeTests
{
    private const string Token = "admin-token";

    [Test]
    public async Task Messaging_TheAdaptersWholeFlow_IsAnsweredAsChatwootWouldAndWebhooksVerify()
    {
        // Arrange: the inbox's webhook_url is a path the fake engine answers 200 on, so its request log captures webhooks.
        await using var chatwoot = await FakeChatwoot.StartAsync();
        await using var receiver = await FakeEngine.StartAsync();
        receiver.ScriptAlways(FakeFault.Json(200, "{}"), r => r.Path == "/hook");
        chatwoot.AddAccount(1, Token);
        var inbox = chatwoot.AddInbox(1, "WhatsApp", receiver.BaseUrl + "/hook");
        await using var services = ProductAdapters.Build(receiver.BaseUrl, "unused");
        var messaging = services.GetRequiredService<IChatwootMessaging>();
        var connection = new ChatwootConnection(chatwoot.BaseUrl, 1, Token);
        var cancel = CancellationToken.None;

        // Act
        var contact = await messaging.CreateContactAsync(connection, inbox.Id, "João", "5511999999999@s.whatsapp.net", "+5511999999999", cancel);
        var duplicate = Assert.ThrowsAsync<UpstreamRejectedException>(() =>
            messaging.CreateContactAsync(connection, inbox.Id, "João", "5511999999999@s.whatsapp.net", "+5511999999999", cancel));
        var found = await messaging.FindContactAsync(connection, inbox.Id, "5511999999999@s.whatsapp.net", cancel);
        var conversationId = await messaging.CreateConversationAsync(connection, inbox.Id, contact.Id, contact.SourceId!, "open", cancel);
        var textId = await messaging.CreateMessageAsync(connection, conversationId, new ChatwootNewMessage("Olá", "incoming", false, "WAID:1", []), cancel);
        var photo = new MediaFile([1, 2, 3, 4], "photo.jpg", "image/jpeg");
        await messaging.CreateMessageAsync(connection, conversationId, new ChatwootNewMessage(null, "incoming", false, "WAID:2", [photo]), cancel);
        var foundId = await messaging.FindMessageBySourceIdAsync(connection, conversationId, "WAID:1", cancel);
        await messaging.UpdateMessageStatusAsync(connection, conversationId, textId, "failed", "Instance is not connected to WhatsApp", cancel);
        await messaging.SetConversationStatusAsync(connection, conversationId, "resolved", cancel);
        await chatwoot.WaitForWebhooksAsync();
        using var reply = await chatwoot.SendAgentReplyAsync(
            conversationId, "Bom dia", "Maria", [new FakeFile("menu.png", "image/png", [9, 8, 7])]);
        var agentWebhook = receiver.Requests.Last(r => r.Path == "/hook");
        var parsed = ChatwootWebhookParser.Parse(agentWebhook.Body);
        var download = await services.GetRequiredService<IMediaFetcher>().FetchAsync(parsed.Attachments[0].Url, null, null, cancel);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(duplicate!.UpstreamStatus, Is.EqualTo(422));
            Assert.That(found, Is.EqualTo(contact));
            Assert.That(chatwoot.OrphanContactInboxes, Is.Empty);
            Assert.That(foundId, Is.EqualTo(textId));
            Assert.That(chatwoot.Messages[0], Has.Property("Status").EqualTo("failed").And.Property("ExternalError").EqualTo("Instance is not connected to WhatsApp"));
            Assert.That(chatwoot.Messages[1].Attachments.Single(), Has.Property("Length").EqualTo(4).And.Property("FileType").EqualTo("image"));
            Assert.That(chatwoot.FindConversation(conversationId)!.Status, Is.EqualTo("resolved"));
            Assert.That(chatwoot.WebhookDeliveries.Select(d => d.Event), Is.SupersetOf(new[]
            {
                "conversation_created", "message_created", "message_updated", "conversation_status_changed",
            }));
            Assert.That(chatwoot.WebhookDeliveries, Has.All.Property("Succeeded").True);
            Assert.That(reply.IsSuccessStatusCode, Is.True);
            Assert.That(WebhookSignature.Check(inbox.Secret, agentWebhook.Header("X-Chatwoot-Timestamp"), agentWebhook.Header("X-Chatwoot-Signature"),
                Encoding.UTF8.GetBytes(agentWebhook.Body), DateTimeOffset.UtcNow), Is.Null);
            Assert.That((parsed.Name, parsed.ConversationId, parsed.Content, parsed.AgentName), Is.EqualTo(("message_created", (long?)conversationId, "Bom dia", "Maria")));
            Assert.That(download.Content, Is.EqualTo(new byte[] { 9, 8, 7 }));
            Assert.That(download.FileName, Is.EqualTo("menu.png"));
            // Conversation#webhook_data: two incoming messages unread; its latest chat message is the reply.
            var conversation = JsonNode.Parse(agentWebhook.Body)!["conversation"]!;
            Assert.That(conversation["unread_count"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(conversation["messages"]!.AsArray().Single()!["content"]!.GetValue<string>(), Is.EqualTo("Bom dia"));
        });
    }

    [Test]
    public async Task AgentReply_ToASlowReceiver_TimesThePostAloneInItsDelivery()
    {
        // Arrange: the receiver answers 300 ms late; the benchmark reads Elapsed as the webhook's own latency.
        await using var chatwoot = await FakeChatwoot.StartAsync();
        await using var receiver = await FakeEngine.StartAsync();
        receiver.ScriptAlways(FakeFault.Json(200, "{}").After(TimeSpan.FromMilliseconds(300)), r => r.Path == "/hook");
        chatwoot.AddAccount(1, Token);
        var inbox = chatwoot.AddInbox(1, "WhatsApp", receiver.BaseUrl + "/hook");
        var contact = chatwoot.AddContact(1, "João", "5511999999999@s.whatsapp.net", inboxId: inbox.Id);
        var conversation = chatwoot.AddConversation(inbox.Id, contact.Id);

        // Act
        using var reply = await chatwoot.SendAgentReplyAsync(conversation.Id, "Bom dia");

        // Assert
        var delivery = chatwoot.WebhookDeliveries.Single(d => !d.Automatic);
        Assert.That(delivery.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300)).And.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task ContactSearch_OverTheLimit_AnswersRackAttacks429()
    {
        // Arrange
        await using var chatwoot = await FakeChatwoot.StartAsync();
        chatwoot.AddAccount(1, Token);
        chatwoot.ContactSearchLimitPerMinute = 2;
        using var client = new HttpClient { BaseAddress = chatwoot.BaseUri };
        client.DefaultRequestHeaders.Add("api_access_token", Token);

        // Act
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync("/api/v1/accounts/1/contacts/search?q=55");
            statuses.Add((int)response.StatusCode);
        }

        // Assert
        Assert.That(statuses, Is.EqualTo(new[] { 200, 200, 429 }));
    }
}
