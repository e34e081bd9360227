using System.Net;
using RyzeApi.Infrastructure.UnitTests.Support;

namespace RyzeApi.Infrastructure.UnitTests.Engine;

/// <summary>What the engine client sends (the configured token, the contract's JSON) and how it reads a refusal.</summary>
[TestFixture]
public sealed class EngineClientRequestTests
{
    [Test]
    public async Task SendText_CarriesTheConfiguredToken_AndTheSourceMarker()
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"data":{"messageId":"3EB0"}}""");

        // Act
        var id = await upstream.Engine.SendTextAsync("suporte", "5511999999999", "oi", CancellationToken.None);

        // Assert
        var (request, body, length) = upstream.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.EqualTo("3EB0"));
            Assert.That(request.RequestUri!.ToString(), Is.EqualTo("http://engine.example/api/message/text/suporte"));
            Assert.That(request.Headers.GetValues("token"), Is.EqualTo(new[] { "engine-token" }));
            Assert.That(body, Is.EqualTo("""{"number":"5511999999999","message":"oi","source":"chatwoot"}"""));
            Assert.That(length, Is.EqualTo(body.Length));
        });
    }

    [Test]
    public async Task SendMedia_LeavesAbsentFieldsOut()
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"messageId":"BAE5"}""");

        // Act
        await upstream.Engine.SendMediaAsync("suporte", new EngineMedia("5511", "image", "https://x/y.png", null, "image/png", null), CancellationToken.None);

        // Assert
        Assert.That(upstream.Requests.Single().Body, Is.EqualTo(
            """{"number":"5511","mediaType":"image","mediaUrl":"https://x/y.png","mimeType":"image/png","source":"chatwoot"}"""));
    }

    [TestCase("""{"success":false,"error":{"message":"Number is not on WhatsApp"}}""", "Number is not on WhatsApp")]
    [TestCase("""{"error":"Invalid number"}""", "Invalid number")]
    [TestCase("""{"message":"Bad request"}""", "Bad request")]
    [TestCase("""{"error":{"code":3},"message":"ignored"}""", "POST http://engine.example/api/message/text/suporte HTTP 400: {\"error\":{\"code\":3},\"message\":\"ignored\"}")]
    [TestCase("""{"error":"x\ud800"}""", "POST http://engine.example/api/message/text/suporte HTTP 400: {\"error\":\"x\\ud800\"}")]
    [TestCase("<html>Bad Request</html>", "POST http://engine.example/api/message/text/suporte HTTP 400: <html>Bad Request</html>")]
    public void SendText_4xx_IsRejectedWithTheEnginesOwnWords(string answer, string message)
    {
        // Arrange
        var upstream = StubUpstream.Answering(answer, HttpStatusCode.BadRequest);

        // Act
        var exception = Assert.ThrowsAsync<EngineRejectedException>(() => upstream.Engine.SendTextAsync("suporte", "5511", "oi", CancellationToken.None));

        // Assert
        Assert.That(exception!.Message, Is.EqualTo(message));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    public void SendText_5xxOr429_IsUnavailable(HttpStatusCode status)
    {
        // Arrange
        var upstream = StubUpstream.Answering("busy", status);

        // Act & Assert
        var exception = Assert.ThrowsAsync<EngineUnavailableException>(() => upstream.Engine.SendTextAsync("suporte", "5511", "oi", CancellationToken.None));
        Assert.That(exception!.Message, Is.EqualTo($"POST http://engine.example/api/message/text/suporte HTTP {(int)status}: busy"));
    }

    [Test]
    public void SendText_NoAnswer_IsUnreachable()
    {
        // Arrange
        var upstream = StubUpstream.Failing(new HttpRequestException("Connection refused (127.0.0.1:9)"));

        // Act & Assert
        var exception = Assert.ThrowsAsync<EngineUnavailableException>(() => upstream.Engine.SendTextAsync("suporte", "5511", "oi", CancellationToken.None));
        Assert.That(exception!.Message, Is.EqualTo("the engine is unreachable: POST http://engine.example/api/message/text/suporte: Connection refused (127.0.0.1:9)"));
    }
}
