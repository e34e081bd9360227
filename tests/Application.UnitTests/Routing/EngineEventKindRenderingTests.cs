using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>Kinds the parser renders as text or a card: locations, contact cards, polls, and the note for a kind it cannot show.</summary>
[TestFixture]
public sealed class EngineEventKindRenderingTests
{
    private const string Nested = EngineEventParserTests.Nested;

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
