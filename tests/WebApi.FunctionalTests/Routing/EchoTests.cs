using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-webhook.md, docs/api/en/engine-events.md echoes: what RyzeApi writes on one side comes back from the other, and must stop there.</summary>
public sealed class EchoTests : RoutingTestBase
{
    [Test]
    public async Task MessageSentFromThePhone_AppearsOnceAsOutgoing_AndChatwootsWebhookOfItIsNotSentToWhatsApp()
    {
        // Arrange
        await ActivateRoutingAsync();
        await ContactWritesAsync("oi");
        var fromPhone = EngineEvents.FromMe(ContactJid, "respondi pelo celular");

        // Act
        await PostEventExpectingAsync(fromPhone.ToJson());

        // Assert
        var landed = await WaitForChatwootMessageAsync(fromPhone.Id);
        Assert.That(landed.MessageType, Is.EqualTo("outgoing"));
        Assert.That(landed.Content, Is.EqualTo("respondi pelo celular"));
        await SettledAsync();
        var echo = Chatwoot.WebhookDeliveries.Single(d => d.Event == "message_created" && d.MessageId == landed.Id);
        Assert.That(echo.StatusCode, Is.EqualTo(200), "Chatwoot posted the outgoing message back and it was answered");
        Assert.That(Engine.Requests.Where(r => r.Path.StartsWith("/api/message/", StringComparison.Ordinal)), Is.Empty, "nothing was sent to WhatsApp");
        Assert.That(await OutboxCountAsync("agent_reply"), Is.Zero);
        Assert.That(Chatwoot.Messages.Count(m => m.Content == "respondi pelo celular"), Is.EqualTo(1));
        Assert.That(Chatwoot.Messages.Single(m => m.Id == landed.Id).Status, Is.EqualTo("sent"), "Chatwoot did not mark it failed");
    }

    [Test]
    public async Task EngineEchoOfAnAgentReply_WithSourceChatwoot_IsIgnored()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync("oi");
        await AgentRepliesAsync(conversation.Id, "olá, sou a Maria");
        var sent = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();

        // Act
        await PostEventExpectingAsync(EngineEvents.FromMe(ContactJid, "olá, sou a Maria", source: "chatwoot", id: sent.MessageId).ToJson(), "ignored");

        // Assert
        await ContactWritesAsync("depois");
        await SettledAsync();
        Assert.That(Chatwoot.MessagesIn(conversation.Id).Select(m => (m.MessageType, m.Content)), Is.EqualTo(new[]
        {
            ("incoming", "oi"), ("outgoing", "olá, sou a Maria"), ("incoming", "depois"),
        }));
        Assert.That(Engine.Sends, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task EngineEchoOfAnAgentReply_WithoutSourceButTheSameId_IsNotPostedToChatwoot()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync("oi");
        await AgentRepliesAsync(conversation.Id, "olá, sou a Maria");
        var sent = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        await SettledAsync();

        // Act: an engine that drops "source" still reports the message id it returned.
        await PostEventExpectingAsync(EngineEvents.FromMe(ContactJid, "olá, sou a Maria", id: sent.MessageId).ToJson(EngineLayout.Flat));

        // Assert
        await ContactWritesAsync("depois");
        await SettledAsync();
        Assert.That(Chatwoot.MessagesIn(conversation.Id).Select(m => (m.MessageType, m.Content)), Is.EqualTo(new[]
        {
            ("incoming", "oi"), ("outgoing", "olá, sou a Maria"), ("incoming", "depois"),
        }));
        Assert.That(Engine.Sends, Has.Count.EqualTo(1));
    }
}
