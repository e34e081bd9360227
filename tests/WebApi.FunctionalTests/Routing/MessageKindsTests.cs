using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>Kinds beyond text and media (docs/api/en/engine-events.md): a location arrives as text with a maps link,
/// and a kind RyzeApi cannot show still reaches the conversation, as a private note naming it.</summary>
public sealed class MessageKindsTests : RoutingTestBase
{
    [Test]
    public async Task Location_InRyzeApisTextForm_ArrivesAsTextWithAMapsLink()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "📍 Padaria Central\nRua Augusta, 100\nLat: -23.5505, Long: -46.6333", "João") with { Type = "location" };

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That(landed.Content, Is.EqualTo(
            "📍 Padaria Central\nRua Augusta, 100\nhttps://www.google.com/maps/search/?api=1&query=-23.5505,-46.6333"));
        Assert.That(landed.Private, Is.False);
    }

    [TestCase("poll_update")]
    [TestCase("reaction")]
    [TestCase("some_future_kind")]
    public async Task KindWithoutTextOrMedia_ArrivesAsAPrivateNoteNamingIt(string type)
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "x", "João") with { Type = type, Text = null };

        // Act
        var (status, outcome, body) = await PostEventAsync(message.ToJson());

        // Assert
        Assert.That((status, outcome), Is.EqualTo((HttpStatusCode.Accepted, (string?)"accepted")), body);
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That((landed.Content, landed.Private), Is.EqualTo(($"Unsupported WhatsApp message ({type}) — see the phone", true)));
    }

    [Test]
    public async Task ContactCard_ArrivesAsTextNamingItWithTheCardAttachedAsVcf()
    {
        // Arrange
        await ActivateRoutingAsync();
        const string VCard = "BEGIN:VCARD\nVERSION:3.0\nFN:Maria Souza\nTEL;type=CELL;waid=5511988887777:+55 11 98888-7777\nEND:VCARD";
        var message = EngineEvents.Text(ContactJid, "x", "João") with { Type = "contact", Text = null };
        var json = System.Text.Json.Nodes.JsonNode.Parse(message.ToJson())!;
        json["data"]!["message"]!["content"] = new System.Text.Json.Nodes.JsonObject { ["vcard"] = VCard };

        // Act
        await PostEventExpectingAsync(json.ToJsonString());

        // Assert
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That(landed.Content, Is.EqualTo("👤 Maria Souza\n+55 11 98888-7777"));
        var file = landed.Attachments.Single();
        Assert.That((file.FileName, System.Text.Encoding.UTF8.GetString(file.Content.Span)), Is.EqualTo(("Maria Souza.vcf", VCard + "\r\n")));
    }

    [Test]
    public async Task Poll_ArrivesAsItsQuestionWithTheOptionsNumbered()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "x", "João") with { Type = "poll", Text = null };
        var json = System.Text.Json.Nodes.JsonNode.Parse(message.ToJson())!;
        json["data"]!["message"]!["poll"] = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "Melhor horário?", ["options"] = new System.Text.Json.Nodes.JsonArray("Manhã", "Tarde"),
        };

        // Act
        await PostEventExpectingAsync(json.ToJsonString());

        // Assert
        Assert.That((await WaitForChatwootMessageAsync(message.Id)).Content, Is.EqualTo("📊 Melhor horário?\n1. Manhã\n2. Tarde"));
    }
}
