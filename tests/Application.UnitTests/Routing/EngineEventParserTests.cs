using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Application.UnitTests.Routing;

[TestFixture]
public sealed class EngineEventParserTests
{
    private const string Nested = """
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

    [TestCase("""{"latitude":-23.5505,"longitude":-46.6333,"name":"Padaria Central","address":"Rua Augusta, 100"}""",
        "📍 Padaria Central\nRua Augusta, 100\nhttps://www.google.com/maps/search/?api=1&query=-23.5505,-46.6333")]
    [TestCase("""{"latitude":"-23.5505","longitude":"-46.6333"}""", "📍 https://www.google.com/maps/search/?api=1&query=-23.5505,-46.6333")]
    [TestCase("""{"text":"📍 Padaria\nRua X\nLat: -23.5, Long: -46.6"}""", "📍 Padaria\nRua X\nhttps://www.google.com/maps/search/?api=1&query=-23.5,-46.6")]
    [TestCase("""{"text":"somewhere nice"}""", "somewhere nice")]
    public void Parse_Location_IsTextWithAMapsLinkWheneverCoordinatesCanBeRead(string content, string expected)
    {
        // Arrange
        var body = Nested.Replace("\"type\":\"text\"", "\"type\":\"location\"", StringComparison.Ordinal)
            .Replace("{\"text\":\"Olá\"}", content, StringComparison.Ordinal);

        // Act
        var message = EngineEventParser.Parse(body, null).Message!;

        // Assert
        Assert.That((message.Kind, message.Text), Is.EqualTo((WhatsAppMessageKind.Text, expected)));
    }

    [Test]
    public void Parse_LocationObjectBesideTheContent_IsRead()
    {
        // Arrange
        var body = Nested.Replace("\"type\":\"text\"", "\"type\":\"live_location\",\"location\":{\"latitude\":1.5,\"longitude\":2.25}", StringComparison.Ordinal)
            .Replace("{\"text\":\"Olá\"}", "null", StringComparison.Ordinal);

        // Act
        var message = EngineEventParser.Parse(body, null).Message!;

        // Assert
        Assert.That(message.Text, Is.EqualTo("📍 https://www.google.com/maps/search/?api=1&query=1.5,2.25"));
    }

    [TestCase("poll_update")]
    [TestCase("reaction")]
    public void Parse_KindWithoutTextOrMedia_IsKeptAsUnsupportedNamingItsType(string type)
    {
        // Arrange
        var body = Nested.Replace("\"type\":\"text\"", $"\"type\":\"{type}\"", StringComparison.Ordinal)
            .Replace("{\"text\":\"Olá\"}", "{}", StringComparison.Ordinal);

        // Act
        var parsed = EngineEventParser.Parse(body, null);

        // Assert
        Assert.That(parsed.IgnoredBecause, Is.Null);
        Assert.That((parsed.Message!.Kind, parsed.Message.EngineType), Is.EqualTo((WhatsAppMessageKind.Unsupported, type)));
    }

    [Test]
    public void Parse_ContactCardAsVCard_IsTextNamingItWithTheCardAsAVcfFile()
    {
        // Arrange
        const string VCard = "BEGIN:VCARD\\nVERSION:3.0\\nFN:Maria Souza\\nTEL;type=CELL;waid=5511988887777:+55 11 98888-7777\\nEND:VCARD";
        var body = Nested.Replace("\"type\":\"text\"", "\"type\":\"contact\"", StringComparison.Ordinal)
            .Replace("{\"text\":\"Olá\"}", "{\"vcard\":\"" + VCard + "\"}", StringComparison.Ordinal);

        // Act
        var message = EngineEventParser.Parse(body, null).Message!;

        // Assert
        Assert.That((message.Kind, message.Text), Is.EqualTo((WhatsAppMessageKind.Media, "👤 Maria Souza\n+55 11 98888-7777")));
        Assert.That((message.Media!.FileName, message.Media.MimeType), Is.EqualTo(("Maria Souza.vcf", "text/vcard")));
        Assert.That(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(message.Media.Base64!)), Does.Contain("FN:Maria Souza"));
    }

    [Test]
    public void Parse_ContactsAsObjects_NamesEachAndBuildsTheirCards()
    {
        // Arrange
        var body = Nested.Replace("\"type\":\"text\"", "\"type\":\"contacts\",\"contacts\":[{\"fullName\":\"Ana\",\"phone\":\"+5511911112222\"},{\"fullName\":\"Bruno\",\"phone\":\"+5511933334444\",\"email\":\"b@x.com\"}]", StringComparison.Ordinal)
            .Replace("{\"text\":\"Olá\"}", "null", StringComparison.Ordinal);

        // Act
        var message = EngineEventParser.Parse(body, null).Message!;

        // Assert
        Assert.That(message.Text, Is.EqualTo("👤 Ana\n+5511911112222\n👤 Bruno\n+5511933334444"));
        var file = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(message.Media!.Base64!));
        Assert.That(file, Does.Contain("FN:Ana").And.Contain("FN:Bruno").And.Contain("EMAIL:b@x.com"));
        Assert.That(message.Media.FileName, Is.EqualTo("Ana.vcf"));
    }

    [TestCase("\"poll\":{\"name\":\"Melhor horário?\",\"options\":[\"Manhã\",\"Tarde\"]}", "null", "📊 Melhor horário?\n1. Manhã\n2. Tarde")]
    [TestCase("\"poll\":{\"name\":\"Cor?\",\"options\":[{\"name\":\"Azul\"},{\"optionName\":\"Verde\"}]}", "null", "📊 Cor?\n1. Azul\n2. Verde")]
    [TestCase("\"x\":1", "{\"text\":\"Melhor horário? Manhã / Tarde\"}", "📊 Melhor horário? Manhã / Tarde")]
    public void Parse_Poll_IsTheQuestionWithItsOptionsNumbered(string poll, string content, string expected)
    {
        // Arrange
        var body = Nested.Replace("\"type\":\"text\"", "\"type\":\"poll\"," + poll, StringComparison.Ordinal)
            .Replace("{\"text\":\"Olá\"}", content, StringComparison.Ordinal);

        // Act
        var message = EngineEventParser.Parse(body, null).Message!;

        // Assert
        Assert.That((message.Kind, message.Text), Is.EqualTo((WhatsAppMessageKind.Text, expected)));
    }
}
