using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>The API plus a fresh fake Chatwoot per test: Chatwoot account 5 with an administrator token,
/// and an instance <c>suporte</c> of the bootstrap account, not yet activated.</summary>
public abstract class ChatwootTestBase : ApiTestBase
{
    protected const long AccountId = 5;
    protected const string AdminToken = "cw-admin-token-5Xq9v2LmN8";
    protected const string Instance = "suporte";

    protected FakeChatwoot Chatwoot { get; private set; } = null!;

    /// <summary>The TokenInstance of <see cref="Instance"/>.</summary>
    protected string InstanceToken { get; private set; } = null!;

    /// <summary><c>{base}/api/v1/accounts/5/inboxes</c>, as Chatwoot error details name it.</summary>
    protected string InboxesUrl => $"{Chatwoot.BaseUrl}/api/v1/accounts/{AccountId}/inboxes";

    protected IReadOnlyList<RecordedRequest> InboxCreations =>
        [.. Chatwoot.Requests.Where(r => r.Method == "POST" && r.Path == $"/api/v1/accounts/{AccountId}/inboxes")];

    protected override async Task BeforeEachAsync()
    {
        Chatwoot = await FakeChatwoot.StartAsync();
        Chatwoot.AddAccount(AccountId, AdminToken);
        InstanceToken = await CreateInstanceAsync(Instance);
    }

    [TearDown]
    public async Task StopChatwoot()
    {
        if (Chatwoot is not null)
        {
            await Chatwoot.DisposeAsync();
        }
    }

    /// <summary>The three required fields, pointing at the fake with the administrator token.</summary>
    protected JsonObject ValidBody() => new()
    {
        ["chatwootBaseUrl"] = Chatwoot.BaseUrl,
        ["chatwootAccountId"] = AccountId,
        ["chatwootApiToken"] = AdminToken,
    };

    /// <summary>An instance creation that activates Chatwoot inline with the three required fields.</summary>
    protected JsonObject InlineActivationBody(string name = "vendas") => new()
    {
        ["name"] = name,
        ["chatwootEnabled"] = true,
        ["chatwootBaseUrl"] = Chatwoot.BaseUrl,
        ["chatwootAccountId"] = AccountId,
        ["chatwootApiToken"] = AdminToken,
    };

    /// <summary>Asserts the 201 of an instance created while its inline activation failed; returns the
    /// <c>chatwoot.error</c> text.</summary>
    protected static async Task<string> InlineActivationErrorAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var chatwoot = (await response.JsonAsync())["chatwoot"]!;
        Assert.That(chatwoot.Text("status"), Is.EqualTo("error"));
        return chatwoot.Text("error");
    }

    protected Task<HttpResponseMessage> ActivateAsync(JsonObject body, HttpClient? client = null, string instance = Instance) =>
        (client ?? Account).PostAsJsonAsync($"/api/chatwoot/set/{instance}", body);

    /// <summary>Activates and asserts the 201; returns the bridge_integration_id.</summary>
    protected async Task<string> ActivateOkAsync(JsonObject? body = null, HttpClient? client = null, string instance = Instance)
    {
        var response = await ActivateAsync(body ?? ValidBody(), client, instance);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).Text("bridge_integration_id");
    }

    protected Task<HttpResponseMessage> InfoAsync(HttpClient? client = null, string instance = Instance) =>
        (client ?? Account).GetAsync($"/api/chatwoot/list/{instance}");

    protected Task<HttpResponseMessage> DeactivateAsync(HttpClient? client = null, string instance = Instance) =>
        (client ?? Account).DeleteAsync($"/api/chatwoot/delete/{instance}");

    protected static async Task<long> IntegrationCountAsync() =>
        await Database.ScalarAsync<long>("SELECT count(*) FROM chatwoot_integrations");

    /// <summary>The webhook URL RyzeApi gave Chatwoot in its last inbox creation.</summary>
    protected string LastWebhookUrl() =>
        JsonNode.Parse(InboxCreations[^1].Body)!["channel"]!["webhook_url"]!.GetValue<string>();
}
