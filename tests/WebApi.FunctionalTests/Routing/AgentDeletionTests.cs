using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-webhook.md "What an agent does besides replying": an agent deleting a message RyzeApi
/// sent revokes it for everyone in WhatsApp; a refusal becomes a private note; nothing RyzeApi itself created in
/// Chatwoot (the customer's messages, its own notes) is ever deleted or sent in WhatsApp because of it.</summary>
public sealed class AgentDeletionTests : RoutingTestBase
{
    private static readonly byte[] s_png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x09];

    [Test]
    public async Task AgentDeletesASentReply_ItIsRevokedForEveryone()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        var reply = await AgentRepliesAsync(conversation.Id, "mensagem errada");
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        await SettledAsync();

        // Act
        await DeleteAsync(reply);

        // Assert
        var deletion = await Eventually.WaitAsync(() => Engine.Deletions, d => d.Count > 0, "the engine deletion");
        Assert.That(deletion.Single(), Is.EqualTo(new FakeEngineDeletion(Instance, send.MessageId, true, $$"""{"messageId":"{{send.MessageId}}","deleteForEveryone":true}""")));
        await SettledAsync();
        Assert.That(Engine.Deletions, Has.Count.EqualTo(1), "later status webhooks of the deleted message delete nothing more");
    }

    [Test]
    public async Task AgentDeletesAMessageWithTwoAttachments_BothAreRevoked()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        var reply = await AgentRepliesAsync(conversation.Id, "fotos", attachments: [new FakeFile("a.png", "image/png", s_png), new FakeFile("b.png", "image/png", s_png)]);
        var sends = await Engine.WaitForSendsAsync(2, Eventually.Deadline);
        await SettledAsync();

        // Act
        await DeleteAsync(reply);

        // Assert
        var deletions = await Eventually.WaitAsync(() => Engine.Deletions, d => d.Count >= 2, "both deletions");
        Assert.That(deletions.Select(d => d.MessageId), Is.EquivalentTo(sends.Select(s => s.MessageId)));
    }

    [Test]
    public async Task WhatsAppRefusesTheDeletion_APrivateNoteSaysSoAndNothingGoesBack()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        var reply = await AgentRepliesAsync(conversation.Id, "antiga");
        await Engine.WaitForSendsAsync(1, Eventually.Deadline);
        await SettledAsync();
        Engine.FailNext(400, EngineErrors.Envelope("message too old to delete for everyone"), matching: r => r.Path.StartsWith("/api/chat/delete/", StringComparison.Ordinal));

        // Act
        await DeleteAsync(reply);

        // Assert
        var note = (await Chatwoot.WaitForMessagesAsync(1, m => m.ConversationId == conversation.Id && m.Private, Eventually.Deadline)).Single();
        Assert.That(note.Content, Is.EqualTo(
            "⚠️ This message was deleted in Chatwoot, but WhatsApp did not delete it for the customer: message too old to delete for everyone"));
        await SettledAsync();
        Assert.That(Engine.Sends, Has.Count.EqualTo(1), "RyzeApi's own note never goes to WhatsApp");
        Assert.That(Engine.Requests.Count(r => r.Path.StartsWith("/api/chat/delete/", StringComparison.Ordinal)), Is.EqualTo(1), "a refusal is not retried");
        Assert.That(await InfoStatusAsync(), Is.EqualTo("active"));
    }

    [Test]
    public async Task AgentDeletesTheCustomersMessage_NothingIsDeletedInWhatsApp()
    {
        // Arrange: the customer's message was created in Chatwoot by RyzeApi
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "texto do cliente", "João Silva");
        await PostEventExpectingAsync(message.ToJson());
        var created = await WaitForChatwootMessageAsync(message.Id);

        // Act
        using var response = await Chatwoot.DeleteMessageAsAgentAsync(created.ConversationId, created.Id);

        // Assert
        Assert.That((await response.JsonAsync()).Text("message"), Is.EqualTo("event ignored: incoming messages are not sent to WhatsApp"));
        await SettledAsync();
        Assert.That((Engine.Deletions.Count, Engine.Sends.Count), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task AgentDeletesAMessageSentFromThePhone_NothingIsDeletedInWhatsApp()
    {
        // Arrange: sent from the phone, so RyzeApi created it in Chatwoot as an outgoing message
        await ActivateRoutingAsync();
        await ContactWritesAsync();
        var fromPhone = EngineEvents.FromMe(ContactJid, "enviada do celular");
        await PostEventExpectingAsync(fromPhone.ToJson());
        var created = await WaitForChatwootMessageAsync(fromPhone.Id);
        Assert.That(created.MessageType, Is.EqualTo("outgoing"));
        await SettledAsync();

        // Act
        using var response = await Chatwoot.DeleteMessageAsAgentAsync(created.ConversationId, created.Id);

        // Assert
        Assert.That((await response.JsonAsync()).Text("message"),
            Is.EqualTo("event ignored: a message RyzeApi created in Chatwoot: its deletion stays in Chatwoot"));
        await SettledAsync();
        Assert.That((Engine.Deletions.Count, Engine.Sends.Count), Is.EqualTo((0, 0)));
    }

    private async Task DeleteAsync(FakeMessage message)
    {
        using var response = await Chatwoot.DeleteMessageAsAgentAsync(message.ConversationId, message.Id);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
