using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>Background deliveries whose Chatwoot or engine answer has a wrong shape: the outbox row fails with the
/// classified reason (as for an HTML page with 200), nothing crashes, and no 0, negative or made-up id is stored
/// (docs/adr/0016-strict-upstream-answers.md).</summary>
public sealed class WrongShapedAnswerRoutingTests : RoutingTestBase
{
    private const string NotFound = "Chatwoot account or endpoint not found - verify chatwootBaseUrl";

    [TestCase("/contacts", """{"payload":{"contact":{"id":-5}}}""", "the contact id is not a positive integer")]
    [TestCase("/contacts", """{"payload":{"contact":{"id":"12"},"contact_inbox":{"source_id":"x"}}}""", "the contact id is not a positive integer")]
    [TestCase("/contacts", """{"payload":{"contact":{"id":12},"contact_inbox":{"source_id":""}}}""", "the contact inbox's source_id is not a usable source id")]
    [TestCase("/conversations", """{"id":0}""", "the conversation id is not a positive integer")]
    [TestCase("/conversations", "[]", "the answer is not a JSON object")]
    [TestCase("/messages", """{"id":-1}""", "the message id is not a positive integer")]
    [TestCase("/messages", "null", "the answer is not a JSON object")]
    public async Task WhatsAppMessage_ChatwootAnswersAWrongShape_FailsTheRowAndStoresNoBadId(string pathEnd, string answer, string reason)
    {
        // Arrange
        await ActivateRoutingAsync();
        Chatwoot.Script(FakeFault.ReplaceAnswer(200, answer), matching: r => r.Method == "POST" && r.Path.EndsWith(pathEnd, StringComparison.Ordinal));
        var message = EngineEvents.Text(ContactJid, "Olá", "João");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var row = await Eventually.WaitAsync(
            () => Database.ScalarAsync<string>("SELECT status || '|' || attempts || '|' || last_error FROM outbox WHERE kind = 'whatsapp_message'"),
            r => r is not null && !r.StartsWith("pending", StringComparison.Ordinal), "the row's outcome");
        Assert.That(row, Does.StartWith("failed|1|" + NotFound).And.Contain(" HTTP 200: " + reason), "given up at once, not retried");
        Assert.That(await Database.ScalarAsync<long>(
            "SELECT count(*) FROM chatwoot_chats WHERE contact_id <= 0 OR conversation_id <= 0 OR contact_source_id = ''"), Is.Zero);
        Assert.That(await Database.ScalarAsync<long>(
            "SELECT count(*) FROM message_links WHERE chatwoot_message_id <= 0 OR chatwoot_conversation_id <= 0"), Is.Zero);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM message_links"), Is.Zero);
    }

    [Test]
    public async Task MediaDownload_2xxWithNoBytes_PostsTheMessageWithANoteInsteadOfAnEmptyFile()
    {
        // Arrange
        await ActivateRoutingAsync();
        var url = Engine.ServeMedia([], "image/png", "vazio.png");
        var message = EngineEvents.Media(ContactJid, EngineEventMedia.At("image", url, "image/png", "vazio.png", caption: "veja"), "João");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That(landed.Attachments, Is.Empty);
        Assert.That(landed.Content, Does.StartWith("veja\n[image could not be downloaded: GET ").And.EndWith(" answered HTTP 200 with no content]"));
    }

    [TestCase("{}")]
    [TestCase("""{"success":true,"data":{"messageId":""}}""")]
    [TestCase("""{"success":true,"data":{"messageId":7}}""")]
    [TestCase("<html>ok</html>")]
    public async Task AgentReply_EngineAnswers2xxWithoutAMessageId_FailsWithoutSendingAgain(string answer)
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        Engine.Script(FakeFault.Json(200, answer), matching: r => r.Method == "POST");

        // Act
        await AgentRepliesAsync(conversation.Id, "Posso ajudar?");

        // Assert
        var row = await Eventually.WaitAsync(
            () => Database.ScalarAsync<string>("SELECT status || '|' || attempts || '|' || last_error FROM outbox WHERE kind = 'agent_reply'"),
            r => r is not null && !r.StartsWith("pending", StringComparison.Ordinal), "the reply's outcome");
        Assert.That(row, Does.StartWith("failed|1|the engine accepted the message but its answer is unreadable; not sent again, to avoid a duplicate: "));
        await SettledAsync();
        Assert.That(Engine.Requests.Count(r => r.Method == "POST"), Is.EqualTo(1), "a retry could deliver it twice");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM message_links WHERE direction = 'to_whatsapp'"), Is.Zero);
    }
}
