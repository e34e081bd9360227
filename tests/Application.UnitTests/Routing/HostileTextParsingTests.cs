using System.Text;
using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>The ingress reads the bytes it received: not UTF-8 and lone surrogates are refused naming the field,
/// NUL characters are stripped from every string (docs/adr/0014-hostile-text.md).</summary>
[TestFixture]
public sealed class HostileTextParsingTests
{
    private const string NotText =
        " is not valid text: it contains a lone UTF-16 surrogate (an escape from \\uD800 to \\uDFFF without its pair); send the text as UTF-8";

    [TestCase("""{"event":"message.exchange","data":{"message":{"id":"X1","chat":{"jid":"55@s.whatsapp.net"},"content":{"text":"a\ud800"}}}}""", "data.message.content.text")]
    [TestCase("""{"event":"message.exchange","data":{"message":{"id":"X1\uDFFF","chat":{"jid":"55"},"content":"a"}}}""", "data.message.id")]
    [TestCase("""{"event":"message.exchange","data":{"list":["ok","\ud83d"]}}""", "data.list[1]")]
    [TestCase("""{"event":"x","data":{},"other":{"\ud800":1}}""", "a property name in other")]
    public void EngineEvent_LoneSurrogate_IsRefusedNamingThePath(string json, string path)
    {
        // Act
        var thrown = Assert.Throws<ValidationException>(() => EngineEventParser.Parse(Encoding.UTF8.GetBytes(json), null));

        // Assert
        Assert.That(thrown!.Message, Is.EqualTo("invalid body: " + path + NotText));
    }

    [Test]
    public void EngineEvent_SurrogatePair_IsText()
    {
        // Arrange
        var json = """{"event":"message.exchange","data":{"message":{"id":"X1","chat":{"jid":"55"},"content":{"text":"ok \ud83d\ude00"}}}}""";

        // Act
        var message = EngineEventParser.Parse(Encoding.UTF8.GetBytes(json), null).Message!;

        // Assert
        Assert.That(message.Text, Is.EqualTo("ok 😀"));
    }

    [Test]
    public void EngineEvent_NotUtf8_IsRefusedNamingTheByte()
    {
        // Arrange
        byte[] body = [.. Encoding.UTF8.GetBytes("""{"event":"message.exchange","data":{"x":"a"""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}}")];

        // Act
        var thrown = Assert.Throws<ValidationException>(() => EngineEventParser.Parse(body, null));

        // Assert
        Assert.That(thrown!.Message, Is.EqualTo("invalid body: the body is not valid UTF-8 (byte 0xC3 at offset 42); JSON must be sent as UTF-8"));
    }

    [Test]
    public void EngineEvent_Nul_IsStrippedFromEveryString()
    {
        // Arrange
        var json = """
            {"event":"message.exchange\u0000","data":{"message":{"id":"X\u00001","chat":{"jid":"55\u0000@s.whatsapp.net","name":"Jo\u0000ao"},
             "sender":{"jid":"55@s.whatsapp.net","name":"J\u0000oao"},"type":"te\u0000xt","content":{"text":"Ola\u0000 mundo"}}}}
            """;

        // Act
        var message = EngineEventParser.Parse(Encoding.UTF8.GetBytes(json), null).Message!;

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(message.Id, Is.EqualTo("X1"));
            Assert.That(message.ChatJid, Is.EqualTo("55@s.whatsapp.net"));
            Assert.That(message.ChatName, Is.EqualTo("Joao"));
            Assert.That(message.SenderName, Is.EqualTo("Joao"));
            Assert.That(message.Text, Is.EqualTo("Ola mundo"));
        });
    }

    [Test]
    public void Webhook_NulInTheConversationStatus_IsStripped()
    {
        // Arrange
        var json = """{"event":"conversation_status_changed","id":7,"status":"reso\u0000lved"}""";

        // Act
        var parsed = ChatwootWebhookParser.Parse(Encoding.UTF8.GetBytes(json));

        // Assert
        Assert.That(parsed.ConversationStatus, Is.EqualTo("resolved"));
    }

    [Test]
    public void Webhook_LoneSurrogateInAnAttachment_IsRefusedNamingThePath()
    {
        // Arrange
        var json = """{"event":"message_created","id":1,"message_type":"outgoing","conversation":{"id":2},"attachments":[{"data_url":"https://x/\udc00"}]}""";

        // Act
        var thrown = Assert.Throws<ValidationException>(() => ChatwootWebhookParser.Parse(Encoding.UTF8.GetBytes(json)));

        // Assert
        Assert.That(thrown!.Message, Is.EqualTo("invalid body: attachments[0].data_url" + NotText));
    }
}
