using System.Net;
using RyzeApi.Infrastructure.UnitTests.Support;

namespace RyzeApi.Infrastructure.UnitTests.Engine;

/// <summary>RyzeAPI answers a send to an instance whose WhatsApp session is down with <c>Instance is not connected to
/// WhatsApp</c>, as 400 or as 503: either way it is <see cref="EngineNotConnectedException"/> (wait for the session),
/// neither a refusal of the message nor the engine failing.</summary>
[TestFixture]
public sealed class EngineNotConnectedTests
{
    [TestCase(HttpStatusCode.BadRequest, """{"success":false,"error":{"message":"Instance is not connected to WhatsApp"}}""")]
    [TestCase(HttpStatusCode.ServiceUnavailable, """{"success":false,"error":{"message":"Instance is not connected to WhatsApp"}}""")]
    [TestCase(HttpStatusCode.BadRequest, """{"error":"instance is not connected"}""")]
    [TestCase(HttpStatusCode.ServiceUnavailable, """{"message":"Instance is not connected to WhatsApp"}""")]
    public void Send_NotConnected_IsNotConnectedWithTheEnginesWords(HttpStatusCode status, string answer)
    {
        // Arrange
        var upstream = StubUpstream.Answering(answer, status);

        // Act
        var exception = Assert.ThrowsAsync<EngineNotConnectedException>(() => upstream.Engine.SendTextAsync("suporte", "5511", "oi", CancellationToken.None));

        // Assert
        Assert.That(exception!.Message, Does.StartWith("Instance is not connected").IgnoreCase);
    }

    [Test]
    public void SendMedia_NotConnected_IsNotConnected()
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"success":false,"error":{"message":"Instance is not connected to WhatsApp"}}""", HttpStatusCode.ServiceUnavailable);

        // Act & Assert
        Assert.ThrowsAsync<EngineNotConnectedException>(() => upstream.Engine.SendMediaAsync(
            "suporte", new EngineMedia("5511", "image", "https://x/y.png", null, null, "y.png"), CancellationToken.None));
    }

    [TestCase(HttpStatusCode.BadRequest, """{"success":false,"error":{"message":"Number is not on WhatsApp"}}""", typeof(EngineRejectedException))]
    [TestCase(HttpStatusCode.ServiceUnavailable, """{"success":false,"error":{"message":"Service Unavailable"}}""", typeof(EngineUnavailableException))]
    [TestCase(HttpStatusCode.InternalServerError, """{"success":false,"error":{"message":"Instance is not connected to WhatsApp"}}""", typeof(EngineUnavailableException))]
    public void Send_OtherAnswers_KeepTheirMeaning(HttpStatusCode status, string answer, Type expected)
    {
        // Arrange
        var upstream = StubUpstream.Answering(answer, status);

        // Act & Assert
        Assert.That(() => upstream.Engine.SendTextAsync("suporte", "5511", "oi", CancellationToken.None), Throws.TypeOf(expected));
    }
}
