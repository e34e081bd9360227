using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-webhook.md, docs/api/en/engine-events.md: the same Chatwoot message delivered twice is sent to WhatsApp once; the same WhatsApp
/// message posted twice becomes one Chatwoot message.</summary>
public sealed class DuplicateTests : RoutingTestBase
{
    [Test]
    public async Task ChatwootWebhookDeliveredTwice_IsSentToWhatsAppOnce()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        var reply = await AgentRepliesAsync(conversation.Id, "uma vez só");
        var body = Chatwoot.WebhookDeliveries.Single(d => d.Event == "message_created" && d.MessageId == reply.Id && !d.Automatic).Body;

        // Act
        using var again = await PostWebhookAsync(Inbox.WebhookUrl!, body, Inbox.Secret);

        // Assert
        var text = await again.Content.ReadAsStringAsync();
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(JsonNode.Parse(text)!["outcome"]!.GetValue<string>(), Is.EqualTo("duplicate"), text);
        await AgentRepliesAsync(conversation.Id, "a seguinte");
        await Engine.WaitForSendsAsync(2, Eventually.Deadline);
        await SettledAsync();
        Assert.That(Engine.Sends.Select(s => s.Text), Is.EqualTo(new[] { "uma vez só", "a seguinte" }));
    }

    [Test]
    public async Task ChatwootWebhookDeliveredTwiceAfterTheSend_IsStillNotSentAgain()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        var reply = await AgentRepliesAsync(conversation.Id, "uma vez só");
        await Engine.WaitForSendsAsync(1, Eventually.Deadline);
        await SettledAsync();
        var body = Chatwoot.WebhookDeliveries.Single(d => d.Event == "message_created" && d.MessageId == reply.Id && !d.Automatic).Body;

        // Act
        using var again = await PostWebhookAsync(Inbox.WebhookUrl!, body, Inbox.Secret);

        // Assert
        var text = await again.Content.ReadAsStringAsync();
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(JsonNode.Parse(text)!["outcome"]!.GetValue<string>(), Is.EqualTo("duplicate"), text);
        await SettledAsync();
        Assert.That(Engine.Sends.Select(s => s.Text), Is.EqualTo(new[] { "uma vez só" }));
    }

    [Test]
    public async Task EngineEventPostedTwice_IsOneChatwootMessage([Values] EngineLayout layout)
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "repetida", "João");
        await PostEventExpectingAsync(message.ToJson(layout));

        // Act
        await PostEventExpectingAsync(message.ToJson(layout), "duplicate");

        // Assert
        await ContactWritesAsync("a seguinte");
        await SettledAsync();
        Assert.That(Chatwoot.Messages.Select(m => m.Content), Is.EqualTo(new[] { "repetida", "a seguinte" }));
        Assert.That(Chatwoot.Messages.Count(m => m.SourceId == "WAID:" + message.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task EngineEventPostedTwiceAfterDelivery_IsStillOneChatwootMessage()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "repetida", "João");
        await PostEventExpectingAsync(message.ToJson());
        await WaitForChatwootMessageAsync(message.Id);
        await SettledAsync();

        // Act
        await PostEventExpectingAsync(message.ToJson(EngineLayout.Flat), "duplicate");

        // Assert
        await SettledAsync();
        Assert.That(Chatwoot.Messages.Count(m => m.SourceId == "WAID:" + message.Id), Is.EqualTo(1));
    }
}
