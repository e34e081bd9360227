using System.Text;
using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Hostile;

/// <summary>A NUL an engine or Chatwoot sent is stripped at ingress, and the rest of the text arrives whole.</summary>
public sealed partial class HostileTextTests
{
    [TestCase("data.message.content.text", TextContent)]
    [TestCase("data.message.chat.name", ContactName)]
    [TestCase("data.message.sender.name", ContactName)]
    [TestCase("data.message.id", null)]
    [TestCase("data.message.chat.jid", ContactJid)]
    public async Task EngineMessage_Nul_IsStripped_AndTheRestArrives(string field, string? value)
    {
        // Arrange
        await ArrangeAsync();
        var message = EngineEvents.Text(ContactJid, TextContent, ContactName);
        var body = HostileJson.Corrupt(message.ToJson(), field, HostileText.Nul);
        var expected = value ?? message.Id;

        // Act
        using var response = await EventsClient().SendAsync(Post($"/api/chatwoot/events/{Instance}", body));

        // Assert: recorded with the value whole but for the NUL, and delivered into the contact's conversation.
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var payload = await Database.ScalarAsync<string>(
            $"SELECT payload::text FROM outbox WHERE kind = 'whatsapp_message' AND dedupe_key = 'wa:{message.Id}'");
        Assert.That(payload, Does.Contain($"\"{expected}\"").And.Not.Contain("\\u0000"));
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That(landed.Content, Is.EqualTo(TextContent));
        Assert.That(landed.ConversationId, Is.EqualTo(_conversation.Id), "the same chat as before the NUL");
        await SettledAsync();
        Assert.That(await Database.DumpAsync(), Does.Not.Contain("\\u0000"));
    }

    [Test]
    public async Task EngineStatus_Nul_IsStripped()
    {
        // Arrange
        await ArrangeAsync();
        var id = EngineEvents.NewMessageId();
        var body = HostileJson.Corrupt(EngineEvents.Status(id, "read"), "data.message.status", HostileText.Nul);

        // Act
        using var response = await EventsClient().SendAsync(Post($"/api/chatwoot/events/{Instance}", body));

        // Assert: routed as "read", which it would not be with the NUL left in.
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That(await Database.ScalarAsync<string>($"SELECT dedupe_key FROM outbox WHERE kind = 'message_status'"), Does.EndWith(":read"));
    }

    [Test]
    public async Task WebhookConversationStatus_Nul_IsStripped_AndStored()
    {
        // Arrange
        await ArrangeAsync();
        var body = HostileJson.Corrupt(IngressBody("webhook-status"), "status", HostileText.Nul);

        // Act
        using var response = await PostWebhookBytesAsync(Inbox.WebhookUrl!, body, Inbox.Secret);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await Database.ScalarAsync<string>($"SELECT conversation_status FROM chatwoot_chats WHERE conversation_id = {_conversation.Id}"),
            Is.EqualTo("pending"));
    }

    [Test]
    public async Task WebhookReply_Nul_IsStripped_AndTheRestIsSent()
    {
        // Arrange
        await ArrangeAsync();
        var body = HostileJson.Corrupt(IngressBody("webhook"), "content", HostileText.Nul);

        // Act
        using var response = await PostWebhookBytesAsync(Inbox.WebhookUrl!, body, Inbox.Secret);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        Assert.That(send.Text, Is.EqualTo(TextContent));
    }
}
