using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-webhook.md "What an agent does besides replying": an agent typing shows as "typing…"
/// in WhatsApp (presence), best effort: one attempt, never behind the chat's messages, never for a private note.</summary>
public sealed class TypingPresenceTests : RoutingTestBase
{
    [Test]
    public async Task AgentTypesThenStops_TypingThenPauseAreSentForTheChat()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();

        // Act
        await TypingAsync(conversation.Id, on: true);
        await Eventually.UntilAsync(() => Engine.Presences.Count == 1, "the typing presence");
        await TypingAsync(conversation.Id, on: false);

        // Assert
        var presences = await Eventually.WaitAsync(() => Engine.Presences, p => p.Count == 2, "typing and pause");
        Assert.That(presences.Select(p => (p.Instance, p.Number, p.State, p.Duration)), Is.EqualTo(new[]
        {
            (Instance, ContactJid, "typing", (int?)10),
            (Instance, ContactJid, "pause", 10),
        }));
        Assert.That(presences[0].Body, Is.EqualTo($$"""{"number":"{{ContactJid}}","state":"typing","duration":10}"""));
    }

    [Test]
    public async Task TypingAPrivateNote_IsNotShownInWhatsApp()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();

        // Act
        await TypingAsync(conversation.Id, on: true, isPrivate: true);

        // Assert
        await SettledAsync();
        Assert.That(Engine.Requests.Where(r => r.Path.StartsWith("/api/chat/presence/", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task TypingWhileAReplyIsStuck_IsNotQueuedBehindIt()
    {
        // Arrange: the engine takes its time with the reply's send
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        Engine.DelayNext(TimeSpan.FromSeconds(3), matching: r => r.Path.StartsWith("/api/message/text/", StringComparison.Ordinal));
        await AgentRepliesAsync(conversation.Id, "resposta lenta");
        await Eventually.UntilAsync(() => Engine.Requests.Any(r => r.Path.StartsWith("/api/message/text/", StringComparison.Ordinal)), "the slow send");

        // Act
        await TypingAsync(conversation.Id, on: true);

        // Assert: shown while the reply is still on its way
        await Eventually.UntilAsync(() => Engine.Presences.Count == 1, "the presence");
        Assert.That(Engine.Sends, Is.Empty, "the reply is still being sent");
        await Engine.WaitForSendsAsync(1, Eventually.Deadline);
    }

    [Test]
    public async Task PresenceFails_ItIsNotRetriedAndTheIntegrationStaysActive()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        Engine.FailNext(500, EngineErrors.InternalServerError, matching: r => r.Path.StartsWith("/api/chat/presence/", StringComparison.Ordinal));

        // Act
        await TypingAsync(conversation.Id, on: true);

        // Assert
        await SettledAsync();
        await Task.Delay(500);
        Assert.That(Engine.Requests.Count(r => r.Path.StartsWith("/api/chat/presence/", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(await InfoStatusAsync(), Is.EqualTo("active"));
    }

    private async Task TypingAsync(long conversationId, bool on, bool isPrivate = false)
    {
        using var response = await Chatwoot.SendTypingAsync(conversationId, on, "Maria", isPrivate);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
