using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/engine-events.md "The contact's picture and name": a new contact gets its WhatsApp picture
/// (<c>avatar_url</c>) and, when the event named nobody, its profile name, through a delivery of its own recorded once
/// the first message is in Chatwoot: the message's path stays contact, conversation, message.</summary>
public sealed class ContactPictureTests : RoutingTestBase
{
    private const string Picture = "https://pps.whatsapp.net/v/t61.24694-24/foto.jpg";

    [Test]
    public async Task NewContact_GetsItsPictureAfterItsFirstMessage_AtMostThreeCallsWithTheMessage()
    {
        // Arrange
        await ActivateRoutingAsync();
        Engine.SetProfile(ContactJid, Picture, "João no WhatsApp");
        Chatwoot.ClearRequests();

        // Act
        var conversation = await ContactWritesAsync();
        await SettledAsync();

        // Assert
        var contact = Chatwoot.Contacts.Single();
        Assert.That(contact.AvatarUrl, Is.EqualTo(Picture));
        Assert.That(contact.Name, Is.EqualTo("João Silva"), "the name the event gave stays");
        var calls = Chatwoot.Requests.Select(r => r.Method + " " + r.Path).ToList();
        var messagePost = calls.IndexOf($"POST /api/v1/accounts/{AccountId}/conversations/{conversation.Id}/messages");
        Assert.That(messagePost, Is.InRange(0, 2), "contact, conversation, then the message: " + string.Join("\n", calls));
        Assert.That(calls.IndexOf($"PUT /api/v1/accounts/{AccountId}/contacts/{contact.Id}"), Is.GreaterThan(messagePost));
        var lookup = Engine.Requests.Single(r => r.Path == "/api/profile/getAccount/" + Instance);
        Assert.That(lookup.QueryString, Is.EqualTo("?number=" + Uri.EscapeDataString(ContactJid)));
    }

    [Test]
    public async Task NewContactWithoutAName_TakesItsProfileName()
    {
        // Arrange
        await ActivateRoutingAsync();
        Engine.SetProfile(ContactJid, null, "João no WhatsApp");
        var message = EngineEvents.Text(ContactJid, "oi");

        // Act
        await PostEventExpectingAsync(message.ToJson());
        await WaitForChatwootMessageAsync(message.Id);
        await SettledAsync();

        // Assert
        var contact = Chatwoot.Contacts.Single();
        Assert.That(contact.Name, Is.EqualTo("João no WhatsApp"));
        Assert.That(contact.AvatarUrl, Is.Null);
    }

    [Test]
    public async Task ProfileLookupFails_TheMessageIsThereAndNothingElseChanges()
    {
        // Arrange: the engine refuses the lookup
        await ActivateRoutingAsync();
        Engine.ScriptAlways(FakeFault.Json(404, EngineErrors.Envelope("Number not found")), r => r.Path.StartsWith("/api/profile/", StringComparison.Ordinal));

        // Act
        await ContactWritesAsync();
        await SettledAsync();

        // Assert
        Assert.That(Chatwoot.Contacts.Single().AvatarUrl, Is.Null);
        Assert.That(Chatwoot.Messages, Has.Count.EqualTo(1));
        Assert.That(await InfoStatusAsync(), Is.EqualTo("active"));
        Assert.That(Chatwoot.Requests.Where(r => r.Method == "PUT"), Is.Empty);
    }

    [Test]
    public async Task KnownContact_IsNotAskedForItsPictureAgain()
    {
        // Arrange
        await ActivateRoutingAsync();
        Engine.SetProfile(ContactJid, Picture, null);
        await ContactWritesAsync("primeira");
        await SettledAsync();

        // Act
        await ContactWritesAsync("segunda");
        await SettledAsync();

        // Assert
        Assert.That(Engine.Requests.Count(r => r.Path.StartsWith("/api/profile/", StringComparison.Ordinal)), Is.EqualTo(1));
    }
}
