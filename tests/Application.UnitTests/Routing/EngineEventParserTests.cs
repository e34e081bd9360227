using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Application.UnitTests.Routing;

[TestFixture]
public sealed class EngineEventParserTests
{
    /// <summary>A text message in the documented (nested) layout; the kind tests change its type and content.</summary>
    internal const string Nested = """
        {"event":"message.exchange","data":{"id":"3EB0","message":{"id":"3EB0","type":"text","direction":"incoming",
         "timestamp":"2026-04-28T10:30:00Z","chat":{"jid":"5511999999999","lid":"100@lid","name":"João Silva","type":"private"},
         "sender":{"jid":"5511999999999","name":"João Silva"},"content":{"text":"Olá"},"media":null,"source":null}},
         "instanceData":{"instance":"suporte"}}
        """;

    private const string Flat = """
        {"event":"message.exchange","data":{"id":"3EB1","direction":"incoming","timestamp":"2026-04-28T10:30:00Z",
         "chat":{"jid":"5511999999999@s.whatsapp.net","name":"João Silva","type":"private"},
         "sender":{"jid":"5511999999999@s.whatsapp.net","name":"João Silva"},
         "message":{"type":"text","content":"Olá de novo"}}}
        """;

    [Test]
    public void Parse_NestedLayout_ReadsTheMessage()
    {
        // Act
        var parsed = EngineEventParser.Parse(Nested, null);

        // Assert
        Assert.That(parsed.Message, Is.EqualTo(new WhatsAppMessage(
            "3EB0", "5511999999999", "João Silva", false, "5511999999999", "João Silva", false, WhatsAppMessageKind.Text, "Olá", null, null, ChatLid: "100@lid")));
    }

    [Test]
    public void Parse_FlatLayoutWithPlainStringContent_ReadsTheMessage()
    {
        // Act
        var parsed = EngineEventParser.Parse(Flat, null);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(parsed.Message!.Id, Is.EqualTo("3EB1"));
            Assert.That(parsed.Message.ChatJid, Is.EqualTo("5511999999999@s.whatsapp.net"));
            Assert.That(parsed.Message.Text, Is.EqualTo("Olá de novo"));
            Assert.That(parsed.Message.FromMe, Is.False);
        });
    }

    [Test]
    public void Parse_GroupJid_IsAGroupWithTheParticipantAsSender()
    {
        // Arrange
        var body = Nested.Replace("\"jid\":\"5511999999999\",\"lid\":\"100@lid\",\"name\":\"João Silva\",\"type\":\"private\"",
            "\"jid\":\"120363@g.us\",\"name\":\"Equipe\"", StringComparison.Ordinal);

        // Act
        var message = EngineEventParser.Parse(body, null).Message!;

        // Assert
        Assert.That((message.IsGroup, message.ChatName, message.SenderJid), Is.EqualTo((true, "Equipe", "5511999999999")));
    }

    [Test]
    public void Parse_Newsletter_IsIgnored()
    {
        // Arrange
        var body = Nested.Replace("\"type\":\"private\"", "\"type\":\"newsletter\"", StringComparison.Ordinal);

        // Act
        var parsed = EngineEventParser.Parse(body, null);

        // Assert
        Assert.That((parsed.Message, parsed.IgnoredBecause), Is.EqualTo(((WhatsAppMessage?)null, "newsletters are not routed")));
    }

    [Test]
    public void Parse_OutgoingFromRyzeApiItself_IsIgnoredAsEcho()
    {
        // Arrange
        var body = Nested.Replace("\"direction\":\"incoming\"", "\"direction\":\"outgoing\"", StringComparison.Ordinal)
            .Replace("\"source\":null", "\"source\":\"chatwoot\"", StringComparison.Ordinal);

        // Act
        var parsed = EngineEventParser.Parse(body, null);

        // Assert
        Assert.That(parsed.IgnoredBecause, Is.EqualTo("echo of a message RyzeApi sent"));
    }

    [Test]
    public void Parse_OutgoingFromThePhone_IsRoutedAsFromMe()
    {
        // Arrange
        var body = Nested.Replace("\"direction\":\"incoming\"", "\"direction\":\"outgoing\"", StringComparison.Ordinal);

        // Act
        var message = EngineEventParser.Parse(body, null).Message!;

        // Assert
        Assert.That(message.FromMe, Is.True);
    }

    [Test]
    public void Parse_MediaWithCaption_IsAMediaMessage()
    {
        // Arrange
        var body = Nested.Replace("\"content\":{\"text\":\"Olá\"},\"media\":null",
            "\"content\":null,\"media\":{\"type\":\"image\",\"url\":\"https://cdn/x.jpg\",\"mimetype\":\"image/jpeg\",\"caption\":\"foto\"}",
            StringComparison.Ordinal);

        // Act
        var message = EngineEventParser.Parse(body, null).Message!;

        // Assert
        Assert.That((message.Kind, message.Text, message.Media!.Url, message.Media.MimeType),
            Is.EqualTo((WhatsAppMessageKind.Media, "foto", "https://cdn/x.jpg", "image/jpeg")));
    }

    [TestCase("message_edit", WhatsAppMessageKind.Edit)]
    [TestCase("message_revoke", WhatsAppMessageKind.Revoke)]
    public void Parse_EditAndRevoke_AreKeptAsTheirOwnKinds(string type, WhatsAppMessageKind kind)
    {
        // Arrange
        var body = Nested.Replace("\"type\":\"text\"", $"\"type\":\"{type}\"", StringComparison.Ordinal);

        // Act
        var message = EngineEventParser.Parse(body, null).Message!;

        // Assert
        Assert.That(message.Kind, Is.EqualTo(kind));
    }

    [TestCase("sent", "sent")]
    [TestCase("delivered", "delivered")]
    [TestCase("received", "delivered")]
    [TestCase("read", "read")]
    [TestCase("played", "read")]
    [TestCase("error", "failed")]
    public void Parse_MessageStatus_MapsToChatwootStatus(string engine, string chatwoot)
    {
        // Arrange
        var body = "{\"event\":\"message.status\",\"data\":{\"messageId\":\"3EB0\",\"status\":\"" + engine + "\"}}";

        // Act
        var status = EngineEventParser.Parse(body, null).Status!;

        // Assert
        Assert.That((status.WhatsAppId, status.ChatwootStatus), Is.EqualTo(("3EB0", chatwoot)));
    }

    [Test]
    public void Parse_StatusNestedInMessage_IsRead()
    {
        // Act
        var status = EngineEventParser.Parse("""{"event":"message.status","data":{"message":{"id":"X1","status":"READ"}}}""", null).Status!;

        // Assert
        Assert.That((status.WhatsAppId, status.ChatwootStatus), Is.EqualTo(("X1", "read")));
    }

    [Test]
    public void Parse_OtherEvent_IsIgnoredWithItsName()
    {
        // Act
        var parsed = EngineEventParser.Parse("""{"event":"call.update","data":{}}""", null);

        // Assert
        Assert.That(parsed.IgnoredBecause, Is.EqualTo("call.update events are not routed"));
    }

    [Test]
    public void Parse_EventNameOnlyInThePath_IsUsed()
    {
        // Act
        var parsed = EngineEventParser.Parse("""{"data":{"messageId":"X1","status":"sent"}}""", "message.status");

        // Assert
        Assert.That(parsed.Status!.ChatwootStatus, Is.EqualTo("sent"));
    }

    [TestCase("not json", "invalid body: malformed JSON")]
    [TestCase("[1]", "invalid body: the body must be a RyzeAPI event envelope (a JSON object)")]
    [TestCase("{\"data\":{}}", "invalid body: event is required")]
    [TestCase("{\"event\":\"message.exchange\"}", "invalid body: data is required and must be an object")]
    [TestCase("{\"event\":\"message.exchange\",\"data\":{\"message\":{\"id\":\"1\"}}}", "invalid body: data.message.chat.jid is required")]
    public void Parse_NotAnEvent_IsAValidationErrorNamingTheField(string body, string message)
    {
        // Act
        var thrown = Assert.Throws<ValidationException>(() => EngineEventParser.Parse(body, null));

        // Assert
        Assert.That(thrown!.Message, Does.StartWith(message));
    }
}
