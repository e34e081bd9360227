using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>An agent's reply whose retries run out is shown failed in Chatwoot, not left looking sent, with the last error
/// (cut short: the whole of it stays in the outbox row).</summary>
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
        Assert.That(failed.ExternalError, Is.EqualTo(
            $"Not sent to WhatsApp after 2 attempts: POST {Engine.BaseUrl}/api/message/text/{Instance} HTTP 500: {EngineErrors.InternalServerError}"));
        Assert.That(Engine.Sends, Is.Empty);
        Assert.That(await Database.ScalarAsync<string>("SELECT status FROM outbox WHERE kind = 'agent_reply'"), Is.EqualTo("failed"));
    }

    [Test]
    public async Task EngineFailsEveryAttemptWithALongAnswer_TheReasonShownIsCutShort()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        var longAnswer = "{\"success\":false,\"error\":{\"message\":\"" + new string('x', 280) + "\"}}";
        Engine.ScriptAlways(FakeFault.Json(503, longAnswer), r => r.Path.StartsWith("/api/message/", StringComparison.Ordinal));

        // Act
        var reply = await AgentRepliesAsync(conversation.Id, "olá");

        // Assert
        var failed = await Eventually.WaitAsync(() => Chatwoot.Messages.Single(m => m.Id == reply.Id), m => m.Status == "failed", "the failed tick");
        var shown = "Not sent to WhatsApp after 2 attempts: ";
        Assert.That(failed.ExternalError, Does.StartWith($"{shown}POST {Engine.BaseUrl}/api/message/text/{Instance} HTTP 503: "));
        Assert.That(failed.ExternalError, Does.EndWith("xxx…").And.Length.EqualTo(shown.Length + ShortReason.MaxLength));
        Assert.That(await Database.ScalarAsync<string>("SELECT last_error FROM outbox WHERE kind = 'agent_reply'"), Does.Contain(new string('x', 250)));
    }
}
