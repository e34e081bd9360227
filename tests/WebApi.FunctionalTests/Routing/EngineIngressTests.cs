using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>ENGINE.md: events arrive as a RyzeAPI webhook delivers them (Bearer token, event name in the path with
/// <c>byEvents</c>); only <c>message.exchange</c> and <c>message.status</c> do anything.</summary>
public sealed class EngineIngressTests : RoutingTestBase
{
    [Test]
    public async Task WebhookWithBearerTokenAndEventNameInThePath_IsRouted()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "via webhook byEvents", "João");
        using var client = Api.CreateClient();

        // Act
        using var response = await EngineEvents.PostAsync(client, Instance, InstanceToken, message.ToJson(EngineLayout.Flat), "message.exchange", bearer: true);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That((await WaitForChatwootMessageAsync(message.Id)).Content, Is.EqualTo("via webhook byEvents"));
    }

    [Test]
    public async Task TextWithANulCharacter_IsRoutedWithoutIt()
    {
        // Arrange: PostgreSQL stores no NUL; before, the event was answered 503 at every retry of the engine
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "olá\u0000 mundo", "João\u0000");

        // Act
        var (status, outcome, body) = await PostEventAsync(message.ToJson());

        // Assert
        Assert.That((status, outcome), Is.EqualTo((HttpStatusCode.Accepted, (string?)"accepted")), body);
        Assert.That((await WaitForChatwootMessageAsync(message.Id)).Content, Is.EqualTo("olá mundo"));
        Assert.That(Chatwoot.Contacts.Single().Name, Is.EqualTo("João"));
    }

    [Test]
    public async Task OtherEventsAndNewsletters_Are202IgnoredAndReachNothing()
    {
        // Arrange
        await ActivateRoutingAsync();
        var newsletter = EngineEvents.Text("120363000000000000@newsletter", "novidades") with { ChatType = "newsletter" };

        // Act
        var state = await PostEventAsync(EngineEvents.Event("label.update", new JsonObject { ["label"] = "VIP" }));
        var call = await PostEventAsync(EngineEvents.Event("call.update", new JsonObject { ["status"] = "ringing" }));
        var news = await PostEventAsync(newsletter.ToJson());

        // Assert
        Assert.That(new[] { state, call, news }.Select(a => (a.Status, a.Outcome)),
            Is.All.EqualTo((HttpStatusCode.Accepted, (string?)"ignored")));
        await SettledAsync();
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM outbox"), Is.Zero);
        Assert.That(Chatwoot.Contacts, Is.Empty);
    }

    [Test]
    public async Task WrongInstanceToken_Is401AndNothingIsRecorded()
    {
        // Arrange
        await ActivateRoutingAsync();
        using var client = Api.CreateClient();

        // Act
        using var response = await EngineEvents.PostAsync(client, Instance, "not-the-token", EngineEvents.Text(ContactJid, "oi").ToJson());

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM outbox"), Is.Zero);
    }
}
