using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>The WhatsApp session (docs/api/en/engine-events.md, "The WhatsApp session"): <c>instance.state</c> events are
/// kept per instance with since when; a send the engine refuses with <c>Instance is not connected to WhatsApp</c> (400 or
/// 503) waits for the session instead of failing, and goes as soon as <c>connected</c> arrives; info shows the state;
/// a logged-out or banned session is the integration's error. Retries are slow here (a minute and up), so a reply that
/// goes within seconds went because of <c>connected</c>, not because its retry fell due.</summary>
public sealed class SessionStateTests : RoutingTestBase
{
    protected override IReadOnlyDictionary<string, string?> RoutingOverrides => new Dictionary<string, string?>
    {
        ["Routing:RetryBaseDelay"] = "00:01:00",
        ["Routing:RetryMaxDelay"] = "00:05:00",
    };

    [Test]
    public async Task InstanceStateEvents_InfoShowsTheStateAndSinceWhen_SinceMovesOnlyWhenTheStateChanges()
    {
        // Arrange
        await ActivateRoutingAsync();
        var before = await InfoJsonAsync();

        // Act
        await PostEventExpectingAsync(EngineEvents.State("connecting", field: "status"));
        var connecting = await InfoJsonAsync();
        // Times are shown to the second: a second apart, a since that moved shows it.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await PostEventExpectingAsync(EngineEvents.State("connecting"));
        var again = await InfoJsonAsync();
        await PostEventExpectingAsync(EngineEvents.State("CONNECTED"));
        var connected = await InfoJsonAsync();

        // Assert
        Assert.That(before.Text("whatsapp_state"), Is.EqualTo("unknown"));
        Assert.That(before["whatsapp_state_since"], Is.Null);
        Assert.That(connecting.Text("whatsapp_state"), Is.EqualTo("connecting"));
        Assert.That(Since(connecting), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromSeconds(30)));
        Assert.That(Since(again), Is.EqualTo(Since(connecting)), "the same state again keeps its since");
        Assert.That(connected.Text("whatsapp_state"), Is.EqualTo("connected"));
        Assert.That(Since(connected), Is.GreaterThan(Since(connecting)));
        Assert.That(await OutboxCountAsync("agent_reply") + await OutboxCountAsync("whatsapp_message"), Is.Zero, "a state is no work to deliver");
    }

    [Test]
    public async Task InstanceStateWithoutAState_Is400()
    {
        // Arrange
        await ActivateRoutingAsync();

        // Act
        var (status, _, body) = await PostEventAsync(EngineEvents.Event(EngineEvents.InstanceState, new JsonObject { ["instance"] = "suporte" }));

        // Assert
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(JsonNode.Parse(body)!["error"]!.Text("message"), Does.Contain("data.state or data.status is required"));
    }

    [TestCase(400)]
    [TestCase(503)]
    public async Task EngineSaysNotConnected_RepliesWaitWithoutFailing_ThenConnectedSendsThemAtOnceInOrder(int notConnectedStatus)
    {
        // Arrange
        await ActivateRoutingAsync();
        await PostEventExpectingAsync(EngineEvents.State("connected"));
        var conversation = await ContactWritesAsync();
        Engine.NotConnectedStatus = notConnectedStatus;
        Engine.SetConnected(Instance, false);

        // Act
        var first = await AgentRepliesAsync(conversation.Id, "olá");
        var second = await AgentRepliesAsync(conversation.Id, "tudo bem?");
        await Eventually.WaitAsync(
            () => Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE kind = 'agent_reply' AND waits_for_session AND status = 'pending'"),
            n => n == 1, "the first reply waiting for the session");
        var waiting = await InfoJsonAsync();
        Engine.SetConnected(Instance, true);
        var connectedAt = DateTime.UtcNow;
        await PostEventExpectingAsync(EngineEvents.State("connected"));
        var sends = await Engine.WaitForSendsAsync(2, TimeSpan.FromSeconds(20));
        var tookAfterConnected = DateTime.UtcNow - connectedAt;

        // Assert
        Assert.That(waiting.Text("whatsapp_state"), Is.EqualTo("disconnected"), "the refused send set the state");
        Assert.That(waiting.Text("status"), Is.EqualTo("active"), "waiting for the session is not the engine or Chatwoot failing");
        Assert.That(waiting.Text("last_error"), Is.Empty);
        Assert.That(sends.Select(s => s.Text), Is.EqualTo(new[] { "olá", "tudo bem?" }));
        Assert.That(tookAfterConnected, Is.LessThan(TimeSpan.FromSeconds(10)), "sent on connected, not after the retry's delay (a minute)");
        await SettledAsync();
        Assert.That(new[] { MessageNow(first).Status, MessageNow(second).Status }, Has.None.EqualTo("failed"));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE status = 'failed'"), Is.Zero);
        Assert.That((await InfoJsonAsync()).Text("whatsapp_state"), Is.EqualTo("connected"));
    }

    [TestCase("logged_out", "logged_out")]
    [TestCase("loggedout", "logged_out")]
    [TestCase("temp_banned", "temp_banned")]
    public async Task SessionThatNeedsTheUser_IsTheIntegrationsLastError_UntilConnected(string reported, string state)
    {
        // Arrange
        await ActivateRoutingAsync();

        // Act
        await PostEventExpectingAsync(EngineEvents.State(reported));
        var down = await InfoJsonAsync();
        var stored = await Database.ScalarAsync<string>("SELECT last_error FROM chatwoot_integrations");
        await PostEventExpectingAsync(EngineEvents.State("connected"));
        var back = await InfoJsonAsync();

        // Assert
        Assert.That(down.Text("whatsapp_state"), Is.EqualTo(state));
        Assert.That(down.Text("status"), Is.EqualTo("error"));
        Assert.That(down.Text("last_error"), Does.StartWith(state == "logged_out" ? "the WhatsApp session of this instance is logged out" : "WhatsApp has temporarily banned"));
        Assert.That(stored, Is.EqualTo(down.Text("last_error")), "kept on the integration, where operators look");
        Assert.That((back.Text("whatsapp_state"), back.Text("status"), back.Text("last_error")), Is.EqualTo(("connected", "active", string.Empty)));
    }

    [Test]
    public async Task LoggedOut_ARefusedSendKeepsTheMoreTellingState()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        await PostEventExpectingAsync(EngineEvents.State("logged_out"));
        var since = Since(await InfoJsonAsync());
        Engine.SetConnected(Instance, false);

        // Act
        await AgentRepliesAsync(conversation.Id, "olá");
        await Eventually.WaitAsync(
            () => Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE kind = 'agent_reply' AND waits_for_session"),
            n => n == 1, "the reply waiting for the session");

        // Assert
        var info = await InfoJsonAsync();
        Assert.That((info.Text("whatsapp_state"), Since(info)), Is.EqualTo(("logged_out", since)));
        Assert.That(info.Text("status"), Is.EqualTo("error"));
    }

    private async Task<JsonNode> InfoJsonAsync()
    {
        using var response = await InfoAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static DateTimeOffset Since(JsonNode info) => info["whatsapp_state_since"]!.GetValue<DateTimeOffset>();
}
