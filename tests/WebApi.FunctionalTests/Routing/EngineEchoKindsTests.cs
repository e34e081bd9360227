using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/engine-events.md, echoes: the engine reports RyzeApi's own sends (and an agent's deletion) as
/// messages sent from the phone, with or without <c>source: chatwoot</c>, before or after RyzeApi recorded the send;
/// none of them comes back to Chatwoot.</summary>
public sealed class EngineEchoKindsTests : RoutingTestBase
{
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];

    [Test]
    public async Task TextReplyEcho_WithoutSource_ReportedBeforeTheSendIsAnswered_IsNotPosted()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync("oi");
        var waited = EchoBeforeAnswering(send => EngineEvents.FromMe(ContactJid, send.Text!, id: send.MessageId));

        // Act
        await AgentRepliesAsync(conversation.Id, "olá, sou a Maria");

        // Assert
        Assert.That(await waited, Is.True, "the echo was held while the reply was being sent");
        await AssertOnlyTheReplyAsync(conversation.Id, "olá, sou a Maria");
    }

    [Test]
    public async Task MediaReplyEcho_WithoutSource_ReportedBeforeTheSendIsAnswered_IsNotPosted()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync("oi");
        var waited = EchoBeforeAnswering(send => MediaFromPhone(send.MessageId, send.Caption));

        // Act
        await AgentRepliesAsync(conversation.Id, "a foto", attachments: [new FakeFile("a.jpg", "image/jpeg", s_jpeg)]);

        // Assert
        Assert.That(await waited, Is.True, "the echo was held while the reply was being sent");
        await AssertOnlyTheReplyAsync(conversation.Id, "a foto");
    }

    [Test]
    public async Task MediaReplyEcho_WithSourceChatwoot_IsIgnored()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync("oi");
        await AgentRepliesAsync(conversation.Id, "a foto", attachments: [new FakeFile("a.jpg", "image/jpeg", s_jpeg)]);
        var sent = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();

        // Act
        await PostEventExpectingAsync((MediaFromPhone(sent.MessageId, "a foto") with { Source = "chatwoot" }).ToJson(), "ignored");

        // Assert
        await AssertOnlyTheReplyAsync(conversation.Id, "a foto");
    }

    [Test]
    public async Task QuotedReplyEcho_WithoutSource_AfterTheSendIsRecorded_IsNotPosted()
    {
        // Arrange
        await ActivateRoutingAsync();
        var question = EngineEvents.Text(ContactJid, "oi", "João");
        await PostEventExpectingAsync(question.ToJson());
        var conversationId = (await WaitForChatwootMessageAsync(question.Id)).ConversationId;
        await AgentRepliesAsync(conversationId, "olá, sou a Maria");
        var sent = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        await SettledAsync();
        var echo = EngineEvents.FromMe(ContactJid, "olá, sou a Maria", id: sent.MessageId);

        // Act: the echo of a reply that quoted the customer carries the quote.
        await PostEventExpectingAsync(EventFields.With(echo, $"\"replyTo\": {{\"messageId\": \"{question.Id}\", \"content\": \"oi\"}}"));

        // Assert
        await AssertOnlyTheReplyAsync(conversationId, "olá, sou a Maria");
    }

    [TestCase(null, "accepted")]
    [TestCase("chatwoot", "ignored")]
    public async Task DeletionOfAnAgentsReply_ReportedByTheEngine_IsNotPosted(string? source, string outcome)
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync("oi");
        await AgentRepliesAsync(conversation.Id, "mensagem errada");
        var sent = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        await SettledAsync();
        var revoke = EngineEvents.Revoke(ContactJid, sent.MessageId) with { Direction = "outgoing", FromMe = true, SenderJid = null, Source = source };

        // Act
        await PostEventExpectingAsync(revoke.ToJson(), outcome);

        // Assert
        await AssertOnlyTheReplyAsync(conversation.Id, "mensagem errada");
    }

    [Test]
    public async Task ReplyEcho_NamingThePersonByPhoneAlone_ToAChatKeyedByTheLid_IsNotPosted()
    {
        // Arrange: the chat is keyed by the LID, and its phone is known
        await ActivateRoutingAsync();
        const string lid = "204458374921234@lid";
        var first = EngineEvents.Text(lid, "oi", "João Silva");
        await PostEventExpectingAsync(first.ToJson());
        var conversationId = (await WaitForChatwootMessageAsync(first.Id)).ConversationId;
        var second = EngineEvents.Text(ContactJid, "meu número", "João Silva") with { ChatLid = lid };
        await PostEventExpectingAsync(second.ToJson());
        await WaitForChatwootMessageAsync(second.Id);
        var waited = EchoBeforeAnswering(send => EngineEvents.FromMe(ContactJid, send.Text!, id: send.MessageId));

        // Act
        await AgentRepliesAsync(conversationId, "olá, sou a Maria");

        // Assert
        Assert.That(await waited, Is.True, "the echo was held while the reply was being sent");
        await SettledAsync();
        Assert.That(Chatwoot.MessagesIn(conversationId).Count(m => m.Content == "olá, sou a Maria"), Is.EqualTo(1));
    }

    private static EngineChatMessage MediaFromPhone(string id, string? caption) =>
        EngineEvents.Media(ContactJid, EngineEventMedia.Inline("image", s_jpeg, "image/jpeg", "a.jpg", caption)) with
        {
            Id = id, Direction = "outgoing", FromMe = true, SenderJid = null,
        };

    /// <summary>Has the engine report each send (without <c>source</c>) before answering it; completes with whether the
    /// echo's delivery was held back because the reply was still being sent.</summary>
    private Task<bool> EchoBeforeAnswering(Func<FakeEngineSend, EngineChatMessage> echoOf)
    {
        var held = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Engine.BeforeAnswer = async send =>
        {
            Engine.BeforeAnswer = null;
            var (status, _, _) = await PostEventAsync(echoOf(send).ToJson());
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            var seen = false;
            while (status == HttpStatusCode.Accepted && !seen && DateTime.UtcNow < until)
            {
                seen = await Database.ScalarAsync<long>(
                    $"SELECT count(*) FROM outbox WHERE dedupe_key = 'wa:{send.MessageId}' AND last_error LIKE '%being sent%'") > 0;
                await Task.Delay(50);
            }

            held.TrySetResult(seen);
        };
        return held.Task;
    }

    private async Task AssertOnlyTheReplyAsync(long conversationId, string reply)
    {
        await ContactWritesAsync("depois");
        await SettledAsync();
        Assert.That(Chatwoot.MessagesIn(conversationId).Select(m => (m.MessageType, m.Private, m.Content)), Is.EqualTo(new[]
        {
            ("incoming", false, "oi"), ("outgoing", false, reply), ("incoming", false, "depois"),
        }));
        Assert.That(Engine.Sends, Has.Count.EqualTo(1));
    }
}
