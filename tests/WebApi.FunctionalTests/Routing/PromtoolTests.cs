namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/operations.md, "Metrics": Prometheus' own linter, <c>promtool check metrics</c> (Debian's
/// <c>prometheus</c> package, which scripts/test installs), accepts a real scrape of <c>/metrics</c> taken after
/// traffic in both directions, an outage and refused requests, so every instrument has samples. Without promtool the
/// test fails: it is never skipped.</summary>
public sealed class PromtoolTests : RoutingTestBase
{
    // The test cluster trusts local connections, so a password here is accepted and unused; the scrape must not show it.
    private const string DatabasePassword = "db-password-never-scraped";

    protected override IReadOnlyDictionary<string, string?> RoutingOverrides => new Dictionary<string, string?>
    {
        ["Metrics:BacklogInterval"] = "00:00:00.200",
        ["ConnectionStrings:Postgres"] = Database.ConnectionString + ";Password=" + DatabasePassword,
    };

    [Test]
    public async Task PromtoolAcceptsAScrapeTakenAfterTraffic()
    {
        // Arrange
        var promtool = await FindPromtoolAsync();
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync("olá");
        await AgentRepliesAsync(conversation.Id, "Bom dia!");
        await Engine.WaitForSendsAsync(1);
        Chatwoot.ScriptAlways(FakeFault.NginxPage(502));
        await PostEventExpectingAsync(Testing.Engine.EngineEvents.Text(ContactJid, "durante a queda", "João Silva").ToJson());
        var (refused, _, _) = await PostEventWithTokenAsync("wrong-token");
        Chatwoot.ClearScripts();
        await SettledAsync();
        using var scraper = Api.CreateClient();
        var scrape = await Eventually.WaitAsync(
            () => MetricsScrape.ReadAsync(scraper), s => s.Sum("ryzeapi_deliveries_total") >= 3 && s.Single("ryzeapi_integrations", "status=active") == 1,
            "the traffic counted");
        var file = Path.Combine(Path.GetTempPath(), $"ryzeapi-metrics-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, scrape.Text);

        // Act
        var (exitCode, output, error) = await Shell.RunAsync(
            $"'{promtool}' check metrics < '{file}'", new Dictionary<string, string>(), TimeSpan.FromMinutes(1));

        // Assert
        Assert.That(refused, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(scrape.Text, Does.Contain("ryzeapi_outbox_pending{").And.Contain("http_server_request_duration_seconds_bucket{")
            .And.Contain("http_client_request_duration_seconds_bucket{").And.Contain("db_client_"), "RyzeApi's, ASP.NET Core's, HttpClient's and Npgsql's metrics");
        Assert.That(scrape.Text, Does.Not.Contain(DatabasePassword).And.Not.Contain(InstanceToken).And.Not.Contain(ApiFactory.AccountToken)
            .And.Not.Contain(AdminToken).And.Not.Contain(Inbox.WebhookUrl!.Split('/')[^1]), "no secret in the scrape");
        Assert.That(exitCode, Is.Zero, $"promtool check metrics on {file}:\n{output}{error}");
        Assert.That((output + error).Trim(), Is.Empty, $"promtool check metrics on {file} found problems");
        File.Delete(file);
    }

    private async Task<(HttpStatusCode, string?, string)> PostEventWithTokenAsync(string token)
    {
        using var client = Api.CreateClient();
        using var response = await Testing.Engine.EngineEvents.PostAsync(client, Instance, token, Testing.Engine.EngineEvents.Text(ContactJid, "x", "x").ToJson());
        return (response.StatusCode, null, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> FindPromtoolAsync()
    {
        var (exitCode, output, _) = await Shell.RunAsync("command -v promtool", new Dictionary<string, string>(), TimeSpan.FromSeconds(30));
        if (exitCode != 0 || output.Trim().Length == 0)
        {
            Assert.Fail("promtool is not installed. scripts/test installs it (Debian's prometheus package, scripts/lib/metrics.sh); "
                + "when running dotnet test directly, install it first: apt-get install prometheus");
        }

        return output.Trim();
    }
}
