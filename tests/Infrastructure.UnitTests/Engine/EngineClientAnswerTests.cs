using System.Net;
using RyzeApi.Infrastructure.UnitTests.Support;

namespace RyzeApi.Infrastructure.UnitTests.Engine;

/// <summary>The engine's 2xx answer to a send must name the WhatsApp message id; without a usable one the send is
/// <see cref="EngineAnswerUnreadableException"/>, never retried (the message may have gone out) and never stored.</summary>
[TestFixture]
public sealed class EngineClientAnswerTests
{
    [TestCase("{}")]
    [TestCase("""{"success":true,"message":"Message sent"}""")]
    [TestCase("""{"success":true,"data":{}}""")]
    [TestCase("""{"success":true,"data":{"messageId":""}}""")]
    [TestCase("""{"success":true,"data":{"messageId":"   "}}""")]
    [TestCase("""{"success":true,"data":{"messageId":"3EB0 ABC"}}""")]
    [TestCase("""{"success":true,"data":{"messageId":"3EB0\u0000"}}""")]
    [TestCase("""{"success":true,"data":{"messageId":42}}""")]
    [TestCase("""{"success":true,"data":{"messageId":null}}""")]
    [TestCase("""{"success":true,"data":"3EB0ABC"}""")]
    [TestCase("""{"success":true,"data":{"messageId":"3EB0\ud800"}}""")]
    [TestCase("""{"success":false,"error":{"message":"Instance is not connected to WhatsApp"}}""")]
    [TestCase("[]")]
    [TestCase("null")]
    [TestCase("not json")]
    [TestCase("")]
    public void SendText_2xxWithoutAUsableMessageId_IsUnreadableNotRetryable(string answer)
    {
        // Arrange
        var client = Answering(HttpStatusCode.OK, answer);

        // Act
        var exception = Assert.ThrowsAsync<EngineAnswerUnreadableException>(() => client.SendTextAsync("suporte", "5511999999999", "oi", CancellationToken.None));

        // Assert
        Assert.That(exception!.Message, Does.StartWith(
            $"POST http://engine.example/api/message/text/suporte HTTP 200 answered without a usable messageId (a non-empty string of at most 255 printable characters): {answer}"));
    }

    [Test]
    public void SendMedia_202WithAnOverlongMessageId_IsUnreadable()
    {
        // Arrange
        var client = Answering(HttpStatusCode.Accepted, $$$"""{"data":{"messageId":"{{{new string('A', 256)}}}"}}""");

        // Act & Assert
        Assert.ThrowsAsync<EngineAnswerUnreadableException>(() => client.SendMediaAsync(
            "suporte", new EngineMedia("5511999999999", "image", "https://x/y.png", null, null, "y.png"), CancellationToken.None));
    }

    [TestCase("""{"success":true,"message":"Message sent","data":{"messageId":"3EB0C431C26A1916E07E"}}""", "3EB0C431C26A1916E07E")]
    [TestCase("""{"messageId":"BAE5F2D3"}""", "BAE5F2D3")]
    [TestCase("""{"data":{"id":"true_5511@c.us_3EB0"}}""", "true_5511@c.us_3EB0")]
    public async Task SendText_TheShapesEnginesAnswer_GiveTheId(string answer, string id)
    {
        // Act
        var sent = await Answering(HttpStatusCode.OK, answer).SendTextAsync("suporte", "5511999999999", "oi", CancellationToken.None);

        // Assert
        Assert.That(sent, Is.EqualTo(id));
    }

    private static IEngineClient Answering(HttpStatusCode status, string body) => StubUpstream.Answering(body, status).Engine;
}
