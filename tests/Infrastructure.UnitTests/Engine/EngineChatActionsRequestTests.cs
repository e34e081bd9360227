using System.Net;
using RyzeApi.Infrastructure.UnitTests.Support;

namespace RyzeApi.Infrastructure.UnitTests.Engine;

/// <summary>The engine calls behind an agent's actions: quotes (<c>replyTo</c>), deletion, presence and the read mark,
/// each with RyzeAPI's method, path and body.</summary>
[TestFixture]
public sealed class EngineChatActionsRequestTests
{
    [Test]
    public async Task SendTextQuoting_CarriesReplyTo()
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"data":{"messageId":"3EB0"}}""");

        // Act
        await upstream.Engine.SendTextAsync("suporte", "5511999999999", "sim", "3EB0QUOTED", CancellationToken.None);

        // Assert
        Assert.That(upstream.Requests.Single().Body, Is.EqualTo("""{"number":"5511999999999","message":"sim","source":"chatwoot","replyTo":"3EB0QUOTED"}"""));
    }

    [Test]
    public async Task SendMediaQuoting_CarriesReplyTo()
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"messageId":"BAE5"}""");

        // Act
        await upstream.Engine.SendMediaAsync("suporte", new EngineMedia("5511", "image", "https://x/y.png", "olha", null, null, "3EB0Q"), CancellationToken.None);

        // Assert
        Assert.That(upstream.Requests.Single().Body, Is.EqualTo(
            """{"number":"5511","mediaType":"image","mediaUrl":"https://x/y.png","message":"olha","source":"chatwoot","replyTo":"3EB0Q"}"""));
    }

    [Test]
    public async Task DeleteForEveryone_IsADeleteWithTheMessageId()
    {
        // Arrange: RyzeAPI answers a deletion without any message id
        var upstream = StubUpstream.Answering("""{"success":true,"message":"Message deleted for everyone"}""");

        // Act
        await upstream.Engine.DeleteForEveryoneAsync("suporte", "3EB0SENT", CancellationToken.None);

        // Assert
        var (request, body, _) = upstream.Requests.Single();
        Assert.That((request.Method.Method, request.RequestUri!.ToString(), body), Is.EqualTo(
            ("DELETE", "http://engine.example/api/chat/delete/suporte", """{"messageId":"3EB0SENT","deleteForEveryone":true}""")));
    }

    [TestCase(true, """{"number":"5511@s.whatsapp.net","state":"typing","duration":10}""")]
    [TestCase(false, """{"number":"5511@s.whatsapp.net","state":"pause","duration":10}""")]
    public async Task SendPresence_IsTypingOrPause(bool typing, string expected)
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"success":true}""");

        // Act
        await upstream.Engine.SendPresenceAsync("suporte", "5511@s.whatsapp.net", typing, 10, CancellationToken.None);

        // Assert
        var (request, body, _) = upstream.Requests.Single();
        Assert.That((request.RequestUri!.ToString(), body), Is.EqualTo(("http://engine.example/api/chat/presence/suporte", expected)));
    }

    [Test]
    public async Task MarkChatRead_IsReadTrueForTheNumber()
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"success":true,"message":"Chat marked as read successfully","chat_jid":"5511@s.whatsapp.net","read":true}""");

        // Act
        await upstream.Engine.MarkChatReadAsync("suporte", "5511@s.whatsapp.net", CancellationToken.None);

        // Assert
        var (request, body, _) = upstream.Requests.Single();
        Assert.That((request.RequestUri!.ToString(), body), Is.EqualTo(
            ("http://engine.example/api/chat/markChatRead/suporte", """{"number":"5511@s.whatsapp.net","read":true}""")));
    }

    [Test]
    public void DeleteRefused_IsARejectionWithTheEnginesWords()
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"success":false,"error":{"message":"message not found"}}""", HttpStatusCode.NotFound);

        // Act
        var exception = Assert.ThrowsAsync<EngineRejectedException>(() => upstream.Engine.DeleteForEveryoneAsync("suporte", "3EB0", CancellationToken.None));

        // Assert
        Assert.That(exception!.Message, Is.EqualTo("message not found"));
    }
}
