using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>An agent's reply whose retries run out is shown failed in Chatwoot, not left looking sent.</summary>
public sealed class GivenUpReplyTests : RoutingTestBase
{
    protected override IReadOnlyDictionary<string, string?> RoutingOverrides => new Dictionary<string, string?>
    {
        ["Routing:MaxAttempts"] = "2",
    };

    [Test]
    public async Task EngineFailsEveryAttempt_ChatwootMessageIsMarkedFailed()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        Engine.ScriptAlways(FakeFault.Json(500, EngineErrors.InternalServerError), r => r.Path.StartsWith("/api/message/", StringComparison.Ordinal));

        // Act
        var reply = await AgentRepliesAsync(conversation.Id, "olá");

        // Assert
        var failed = await Eventually.WaitAsync(() => Chatwoot.Messages.Single(m => m.Id == reply.Id), m => m.Status == "failed", "the failed tick");
        Assert.That(failed.ExternalError, Is.EqualTo("RyzeAPI gave up sending this message to WhatsApp after 2 attempts"));
        Assert.That(Engine.Sends, Is.Empty);
        Assert.That(await Database.ScalarAsync<string>("SELECT status FROM outbox WHERE kind = 'agent_reply'"), Is.EqualTo("failed"));
    }
}
