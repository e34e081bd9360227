using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-webhook.md "What an agent does besides replying": an agent's reply quoting a message
/// ("Reply to" in the dashboard) goes to WhatsApp with <c>replyTo</c>, the quoted message's WhatsApp id.</summary>
public sealed class AgentQuoteTests : RoutingTestBase
{
    private static readonly byte[] s_png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x05];

    [Test]
    public async Task ReplyQuotingTheCustomersMessage_IsSentWithReplyToItsWhatsAppId()
    {
        // Arrange
        await ActivateRoutingAsync();
        var question = EngineEvents.Text(ContactJid, "Qual o horário?", "João Silva");
        await PostEventExpectingAsync(question.ToJson());
        var quoted = await WaitForChatwootMessageAsync(question.Id);

        // Act
        await QuoteAsync(quoted.ConversationId, "Das 9h às 18h", quoted.Id);

        // Assert
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        Assert.That((send.Kind, send.Text, send.ReplyTo), Is.EqualTo((FakeEngineSend.TextKind, "Das 9h às 18h", question.Id)));
        Assert.That(send.Body, Does.Contain($"\"replyTo\":\"{question.Id}\""));
    }

    [Test]
    public async Task ReplyQuotingAnEarlierAgentReply_IsSentWithReplyToTheWhatsAppIdThatReplyGot()
    {
        // Arrange: the earlier reply has no source id in Chatwoot; its WhatsApp id is known only to RyzeApi
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        var earlier = await AgentRepliesAsync(conversation.Id, "Vou verificar");
        var earlierSend = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        await SettledAsync();

        // Act
        await QuoteAsync(conversation.Id, "Verificado!", earlier.Id);

        // Assert
        var send = (await Engine.WaitForSendsAsync(2, Eventually.Deadline))[1];
        Assert.That((send.Text, send.ReplyTo), Is.EqualTo(("Verificado!", earlierSend.MessageId)));
    }

    [Test]
    public async Task MediaReplyQuotingAMessage_IsSentWithReplyTo()
    {
        // Arrange
        await ActivateRoutingAsync();
        var question = EngineEvents.Text(ContactJid, "Tem foto?", "João Silva");
        await PostEventExpectingAsync(question.ToJson());
        var quoted = await WaitForChatwootMessageAsync(question.Id);

        // Act
        await QuoteAsync(quoted.ConversationId, "Aqui", quoted.Id, [new FakeFile("foto.png", "image/png", s_png)]);

        // Assert
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        Assert.That((send.Kind, send.Caption, send.ReplyTo), Is.EqualTo((FakeEngineSend.MediaKind, "Aqui", question.Id)));
    }

    [Test]
    public async Task EngineRefusesTheQuote_TheReplyIsSentWithoutIt()
    {
        // Arrange: RyzeAPI quotes only messages it stored; this one it does not know
        await ActivateRoutingAsync();
        var question = EngineEvents.Text(ContactJid, "Oi", "João Silva");
        await PostEventExpectingAsync(question.ToJson());
        var quoted = await WaitForChatwootMessageAsync(question.Id);
        Engine.FailNext(400, EngineErrors.Envelope("replyTo message not found"), matching: r => r.Body.Contains("\"replyTo\"", StringComparison.Ordinal));

        // Act
        await QuoteAsync(quoted.ConversationId, "Olá!", quoted.Id);

        // Assert
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        Assert.That((send.Text, send.ReplyTo), Is.EqualTo(("Olá!", (string?)null)));
        await SettledAsync();
        // Marked sent, never failed (a tick Chatwoot is slow to take is set again from the queue)
        Assert.That(StatusUpdatesOf(Chatwoot.Messages.Last()).Select(u => u["status"]!.GetValue<string>()), Is.Not.Empty.And.All.EqualTo("sent"));
    }

    private async Task QuoteAsync(long conversationId, string text, long quotedMessageId, IReadOnlyList<FakeFile>? attachments = null)
    {
        using var response = await Chatwoot.SendAgentQuotedReplyAsync(conversationId, text, quotedMessageId, "Maria", attachments);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
