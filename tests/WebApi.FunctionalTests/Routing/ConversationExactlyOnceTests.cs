using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/architecture.md "Exactly once": when Chatwoot saves a new conversation but its answer is lost (here,
/// it answers after the client's timeout), the retry finds that conversation among the contact's conversations in the
/// inbox instead of creating a second, empty one. Every message lands once.</summary>
public sealed class ConversationExactlyOnceTests : RoutingTestBase
{
    [Test]
    public async Task ChatwootSavesTheConversationButAnswersAfterTheTimeout_TheRetryUsesIt()
    {
        // Arrange: Chatwoot answers the first conversation create after the 2 s attempt timeout
        await ActivateRoutingAsync();
        Chatwoot.Script(FakeFault.SavedButAnsweredLate(TimeSpan.FromSeconds(8)), 1, IsConversationCreate);
        var messages = Enumerable.Range(1, 3).Select(i => EngineEvents.Text(ContactJid, $"mensagem {i}", "João Silva")).ToList();

        // Act
        foreach (var message in messages)
        {
            await PostEventExpectingAsync(message.ToJson());
        }

        var landed = new List<FakeMessage>();
        foreach (var message in messages)
        {
            landed.Add(await WaitForChatwootMessageAsync(message.Id));
        }

        await SettledAsync();

        // Assert
        var conversation = Chatwoot.Conversations.Single();
        Assert.That(landed.Select(m => m.ConversationId), Is.All.EqualTo(conversation.Id));
        Assert.That(Chatwoot.Messages.Select(m => m.Content), Is.EqualTo(messages.Select(m => m.Text)), "each once, in order");
        Assert.That(Chatwoot.Requests.Count(IsConversationCreate), Is.EqualTo(1), "not created again");
        Assert.That(Chatwoot.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith($"/contacts/{conversation.ContactId}/conversations", StringComparison.Ordinal)),
            Is.EqualTo(1));
    }

    [Test]
    public async Task ConversationCreateRetriedAfterAResolvedOne_DoesNotTakeTheResolvedOne()
    {
        // Arrange: the chat's conversation was resolved; the new one is saved but its answer lost
        await ActivateRoutingAsync();
        var old = await ContactWritesAsync("primeira");
        await SettledAsync();
        Chatwoot.SetConversationStatus(old.Id, "resolved");
        using (var resolved = await Chatwoot.SendConversationStatusChangedAsync(old.Id))
        {
            Assert.That(resolved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await SettledAsync();
        Chatwoot.Script(FakeFault.ReplaceAnswer(502, "<html>Bad Gateway</html>", FakeFault.HtmlContentType), 1, IsConversationCreate);

        // Act
        var next = await ContactWritesAsync("segunda");

        // Assert
        Assert.That(next.Id, Is.Not.EqualTo(old.Id));
        Assert.That(Chatwoot.Conversations, Has.Count.EqualTo(2));
        Assert.That(Chatwoot.MessagesIn(next.Id).Select(m => m.Content), Is.EqualTo(new[] { "segunda" }));
    }

    private static bool IsConversationCreate(RecordedRequest request) =>
        request.Method == "POST" && request.Path.EndsWith("/conversations", StringComparison.Ordinal);
}
