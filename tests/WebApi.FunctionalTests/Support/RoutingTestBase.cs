using System.Text;
using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>Routing end to end: the API listens on a real loopback port (so the fake Chatwoot's webhooks reach it
/// at the inbox's <c>webhook_url</c>), a fresh fake engine per test is configured through <c>Engine:BaseUrl</c> and
/// <c>Engine:Token</c>, and routing runs with small delays. Helpers activate the integration with the flags under
/// test and play the engine's side.</summary>
public abstract class RoutingTestBase : ChatwootTestBase
{
    /// <summary>A person's chat, as engines send it.</summary>
    protected const string ContactJid = "5511999999999@s.whatsapp.net";
    protected const string ContactPhone = "+5511999999999";

    private string _apiBaseUrl = null!;

    // One client for every event a test posts, made before the test runs: tests post from many tasks at once, and
    // WebApplicationFactory records each client it creates in a list that is not thread-safe. Concurrent CreateClient
    // calls could leave a null in it, and its DisposeAsync then threw before stopping the API, whose workers went on
    // delivering into the next test's database.
    private HttpClient _events = null!;

    protected FakeEngine Engine { get; private set; } = null!;

    /// <summary>The bridge_integration_id of the activation made by <see cref="ActivateRoutingAsync"/>.</summary>
    protected string IntegrationId { get; private set; } = null!;

    protected FakeInbox Inbox => Chatwoot.Inboxes.Single();

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = RoutingSettings.For(Engine.BaseUrl, Engine.Token, _apiBaseUrl);
            foreach (var (key, value) in RoutingOverrides)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    /// <summary>Settings of a fixture, over <see cref="RoutingSettings"/>.</summary>
    protected virtual IReadOnlyDictionary<string, string?> RoutingOverrides => new Dictionary<string, string?>();

    protected override async Task BeforeApiStartsAsync()
    {
        Engine = await FakeEngine.StartAsync();
        _apiBaseUrl = FakeChatwoot.UnusedLoopbackUrl();
    }

    protected override void ConfigureApi(ApiFactory api) => api.UseKestrel(new Uri(_apiBaseUrl).Port);

    [SetUp]
    public void CreateEventsClient() => _events = Api.CreateClient();

    [TearDown]
    public async Task StopEngine()
    {
        _events?.Dispose();
        if (Engine is not null)
        {
            await Engine.DisposeAsync();
        }
    }

    /// <summary>Activates <see cref="ChatwootTestBase.Instance"/> against the fake with these flags.</summary>
    protected async Task<string> ActivateRoutingAsync(
        bool signMessages = false, bool ignoreGroups = false, bool startAsPending = false, bool reopenResolved = false)
    {
        var body = ValidBody();
        body["signMessages"] = signMessages;
        body["ignoreGroups"] = ignoreGroups;
        body["startAsPending"] = startAsPending;
        body["reopenResolved"] = reopenResolved;
        IntegrationId = await ActivateOkAsync(body);
        Assert.That(Inbox.WebhookUrl, Does.StartWith(_apiBaseUrl + "/api/chatwoot/webhook/"));
        return IntegrationId;
    }

    /// <summary>Posts an engine event with the instance's token; returns the status and the <c>outcome</c>.</summary>
    protected async Task<(HttpStatusCode Status, string? Outcome, string Body)> PostEventAsync(string json)
    {
        using var response = await EngineEvents.PostAsync(_events, Instance, InstanceToken, json);
        var body = await response.Content.ReadAsStringAsync();
        var outcome = response.StatusCode == HttpStatusCode.Accepted ? JsonNode.Parse(body)?["outcome"]?.GetValue<string>() : null;
        return (response.StatusCode, outcome, body);
    }

    /// <summary>Posts an engine event and asserts 202 with <paramref name="outcome"/>.</summary>
    protected async Task PostEventExpectingAsync(string json, string outcome = "accepted")
    {
        var (status, actual, body) = await PostEventAsync(json);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), body);
        Assert.That(actual, Is.EqualTo(outcome), body);
    }

    /// <summary>The Chatwoot message a WhatsApp message became (<c>source_id WAID:&lt;id&gt;</c>), once it is there.</summary>
    protected async Task<FakeMessage> WaitForChatwootMessageAsync(string whatsAppId) =>
        (await Chatwoot.WaitForMessagesAsync(1, m => m.SourceId == "WAID:" + whatsAppId, Eventually.Deadline)).Single();

    /// <summary>A contact writes <paramref name="text"/>; returns the conversation it landed in.</summary>
    protected async Task<FakeConversation> ContactWritesAsync(string text = "Olá, preciso de ajuda", string chatJid = ContactJid)
    {
        var message = EngineEvents.Text(chatJid, text, "João Silva");
        await PostEventExpectingAsync(message.ToJson());
        var landed = await WaitForChatwootMessageAsync(message.Id);
        return Chatwoot.FindConversation(landed.ConversationId)!;
    }

    /// <summary>An agent answers in the dashboard; asserts the webhook was answered 200.</summary>
    protected async Task<FakeMessage> AgentRepliesAsync(
        long conversationId, string? text, string agentName = "Maria", IReadOnlyList<FakeFile>? attachments = null)
    {
        using var response = await Chatwoot.SendAgentReplyAsync(conversationId, text, agentName, attachments);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return Chatwoot.Messages.Last(m => m.ConversationId == conversationId && m.MessageType == "outgoing");
    }

    /// <summary>Posts <paramref name="body"/> to <paramref name="url"/> as Chatwoot would, signed with
    /// <paramref name="secret"/> at <paramref name="timestamp"/> (now by default); unsigned when the secret is null.</summary>
    protected static async Task<HttpResponseMessage> PostWebhookAsync(string url, string body, string? secret, DateTimeOffset? timestamp = null)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            var seconds = (timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.Headers.Add("X-Chatwoot-Timestamp", seconds);
            request.Headers.Add("X-Chatwoot-Signature", "sha256=" + FakeChatwoot.ComputeWebhookSignature(secret, seconds, body));
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Waits until no routed work is pending and Chatwoot has posted every webhook it owes (which may record
    /// more work), twice in a row: the system is at rest.</summary>
    protected async Task SettledAsync()
    {
        var quiet = 0;
        var until = DateTime.UtcNow + Eventually.Deadline;
        while (quiet < 2)
        {
            await Chatwoot.WaitForWebhooksAsync();
            quiet = await PendingWorkAsync() == 0 ? quiet + 1 : 0;
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Routing did not settle: {await PendingWorkAsync()} outbox rows still pending");
            }

            await Task.Delay(100);
        }
    }

    protected static async Task<long> PendingWorkAsync() =>
        await Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE status = 'pending'");

    protected static async Task<long> OutboxCountAsync(string kind) =>
        await Database.ScalarAsync<long>($"SELECT count(*) FROM outbox WHERE kind = '{kind}'");

    /// <summary>The integration's <c>status</c> as <c>GET /api/chatwoot/list/{instance}</c> shows it.</summary>
    protected async Task<string> InfoStatusAsync()
    {
        using var response = await InfoAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).Text("status");
    }

    /// <summary>The message as the fake Chatwoot holds it now.</summary>
    protected FakeMessage MessageNow(FakeMessage message) => Chatwoot.Messages.Single(m => m.Id == message.Id);

    /// <summary>The bodies of the status PATCHes Chatwoot received for the message, in order.</summary>
    protected IEnumerable<JsonNode> StatusUpdatesOf(FakeMessage message) =>
        Chatwoot.Requests
            .Where(r => r.Method == "PATCH" && r.Path == $"/api/v1/accounts/{AccountId}/conversations/{message.ConversationId}/messages/{message.Id}")
            .Select(r => JsonNode.Parse(r.Body)!);
}
