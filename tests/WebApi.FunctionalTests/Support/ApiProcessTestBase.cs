using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;
using RyzeApi.Testing.Postgres;

namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>Routing with the API as real processes (<see cref="ApiProcess"/>) over the test database, a fresh fake
/// Chatwoot (account 5) and a fresh fake engine per test. Every process a test starts is killed at its end.</summary>
public abstract class ApiProcessTestBase
{
    protected const long AccountId = 5;
    protected const string AdminToken = "cw-admin-token-5Xq9v2LmN8";
    protected const string Instance = "suporte";

    private readonly List<ApiProcess> _processes = [];

    protected static TestDatabase Database => FunctionalSetup.Database;

    protected FakeChatwoot Chatwoot { get; private set; } = null!;

    protected FakeEngine Engine { get; private set; } = null!;

    /// <summary>The TokenInstance of <see cref="Instance"/>, once <see cref="ActivateAsync"/> made it.</summary>
    protected string InstanceToken { get; private set; } = null!;

    [SetUp]
    public async Task StartFakes()
    {
        await Database.ResetAsync();
        Chatwoot = await FakeChatwoot.StartAsync();
        Chatwoot.AddAccount(AccountId, AdminToken);
        Engine = await FakeEngine.StartAsync();
    }

    [TearDown]
    public async Task StopEverything()
    {
        foreach (var process in _processes)
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
            {
                TestContext.Out.WriteLine($"--- API process {process.Id} ({process.BaseUrl}), last lines:\n{process.Output}");
            }

            await process.DisposeAsync();
        }

        _processes.Clear();
        await Chatwoot.DisposeAsync();
        await Engine.DisposeAsync();
    }

    /// <summary>A loopback base URL on a port free a moment ago.</summary>
    protected static string FreeBaseUrl() => FakeChatwoot.UnusedLoopbackUrl();

    /// <summary>Starts an API process on <paramref name="baseUrl"/>, which is also its public base URL.</summary>
    protected async Task<ApiProcess> StartApiAsync(string baseUrl, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = RoutingSettings.For(Engine.BaseUrl, Engine.Token, baseUrl);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var process = await ApiProcess.StartAsync(baseUrl, ApiProcess.EnvironmentFor(Database.ConnectionString, settings));
        _processes.Add(process);
        return process;
    }

    /// <summary>Creates <see cref="Instance"/> and activates it against the fake through <paramref name="api"/>.</summary>
    protected async Task<string> ActivateAsync(ApiProcess api)
    {
        using var account = api.CreateClient(ApiFactory.AccountToken);
        using var created = await account.PostAsJsonAsync("/api/instance/new", new { name = Instance });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        InstanceToken = (await created.JsonAsync())["instance"]!.Text("token");
        using var activated = await account.PostAsJsonAsync($"/api/chatwoot/set/{Instance}", new JsonObject
        {
            ["chatwootBaseUrl"] = Chatwoot.BaseUrl,
            ["chatwootAccountId"] = AccountId,
            ["chatwootApiToken"] = AdminToken,
        });
        Assert.That(activated.StatusCode, Is.EqualTo(HttpStatusCode.Created), await activated.Content.ReadAsStringAsync());
        return (await activated.JsonAsync()).Text("bridge_integration_id");
    }

    /// <summary>Posts an engine event to <paramref name="api"/> and asserts 202 accepted.</summary>
    protected async Task PostEventAsync(HttpClient api, string json)
    {
        using var response = await EngineEvents.PostAsync(api, Instance, InstanceToken, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body);
        Assert.That(JsonNode.Parse(body)!["outcome"]!.GetValue<string>(), Is.EqualTo("accepted"), body);
    }

    /// <summary><paramref name="perChat"/> texts for each of <paramref name="chats"/> new chats, chat by chat.</summary>
    protected static List<List<EngineChatMessage>> Conversations(int chats, int perChat) =>
        [.. Enumerable.Range(0, chats).Select(c => Enumerable.Range(1, perChat)
            .Select(i => EngineEvents.Text($"55219{c:00000000}@s.whatsapp.net", $"chat {c} mensagem {i}", $"Cliente {c}"))
            .ToList())];

    protected static Task<long> PendingWorkAsync() =>
        Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE status = 'pending'");

    /// <summary>Waits for every message to be in Chatwoot, then asserts each is there exactly once (by its
    /// <c>source_id</c>), each chat's in order, with one contact and one conversation per chat.</summary>
    protected async Task AssertEachDeliveredOnceInOrderAsync(IReadOnlyList<List<EngineChatMessage>> chats, TimeSpan deadline)
    {
        var all = chats.SelectMany(c => c).ToList();
        var expected = all.Select(m => "WAID:" + m.Id).ToHashSet();
        await Chatwoot.WaitForMessagesAsync(all.Count, m => expected.Contains(m.SourceId!), deadline);
        await Eventually.WaitAsync(PendingWorkAsync, n => n == 0, "no pending work", deadline);
        await Chatwoot.WaitForWebhooksAsync();

        var landed = Chatwoot.Messages.Where(m => m.SourceId is not null && m.SourceId.StartsWith("WAID:", StringComparison.Ordinal)).ToList();
        var twice = landed.GroupBy(m => m.SourceId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.That(twice, Is.Empty, "delivered more than once");
        Assert.That(landed.Select(m => m.SourceId), Is.EquivalentTo(expected), "each delivered exactly once");
        foreach (var chat in chats)
        {
            var ids = chat.Select(m => "WAID:" + m.Id).ToHashSet();
            Assert.That(landed.Where(m => ids.Contains(m.SourceId!)).OrderBy(m => m.Id).Select(m => m.Content), Is.EqualTo(chat.Select(m => m.Text)),
                $"the order of {chat[0].ChatJid}");
        }

        Assert.That(Chatwoot.Contacts, Has.Count.EqualTo(chats.Count), "one contact per chat");
        Assert.That(Chatwoot.OrphanContactInboxes, Is.Empty);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE status = 'failed'"), Is.Zero);
    }
}
