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
}
