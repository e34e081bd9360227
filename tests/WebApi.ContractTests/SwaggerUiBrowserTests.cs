using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RyzeApi.WebApi.ContractTests.Support;

namespace RyzeApi.WebApi.ContractTests;

/// <summary>Swagger UI works in a real browser (Debian's Chromium, driven by playwright-core from
/// tools/contract/swagger-ui.ts): authorise, "Try it out" on the info endpoint, see the 200 body; the
/// activation's "Try it out" starts without an Idempotency-Key value.</summary>
public sealed class SwaggerUiBrowserTests : LiveApiFixture
{
    private const string Instance = "swagger-ui";

    [Test]
    public async Task TryItOut_OnTheInfoEndpoint_ShowsThe200Body()
    {
        // Arrange: an instance with an active integration, and its TokenInstance to authorise with.
        Assert.That(File.Exists("/usr/bin/chromium"), Is.True, "/usr/bin/chromium is missing: scripts/test installs Debian's chromium");
        using var account = Api.Client(LiveApi.AccountToken);
        var created = await account.PostAsJsonAsync("/api/instance/new", new { name = Instance });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var token = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["instance"]!["token"]!.GetValue<string>();
        var activated = await account.PostAsJsonAsync($"/api/chatwoot/set/{Instance}",
            new { chatwootBaseUrl = Chatwoot.BaseUrl, chatwootAccountId = ChatwootAccountId, chatwootApiToken = ChatwootAdminToken });
        Assert.That(activated.StatusCode, Is.EqualTo(HttpStatusCode.Created), await activated.Content.ReadAsStringAsync());
        var bridge = JsonNode.Parse(await activated.Content.ReadAsStringAsync())!["bridge_integration_id"]!.GetValue<string>();
        await ContractScripts.BuildAsync();
        var screenshot = Path.Combine(Repository.TestOutput("swagger-ui"), "try-it-out-info.png");
        foreach (var stale in Directory.GetFiles(Path.GetDirectoryName(screenshot)!, "try-it-out-info*"))
        {
            File.Delete(stale);
        }

        // Act
        var run = await ContractScripts.RunAsync("swagger-ui.js", [Api.BaseUrl, token, Instance, screenshot]);

        // Assert
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var shown = JsonNode.Parse(run.Output)!;
        var body = JsonNode.Parse(shown["body"]!.GetValue<string>())!;
        TestContext.AddTestAttachment(screenshot, "Swagger UI after Try it out");
        Assert.Multiple(() =>
        {
            Assert.That(shown["status"]!.GetValue<string>(), Is.EqualTo("200"));
            Assert.That(body["instance_name"]!.GetValue<string>(), Is.EqualTo(Instance));
            Assert.That(body["bridge_integration_id"]!.GetValue<string>(), Is.EqualTo(bridge));
            Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(new FileInfo(screenshot).Length, Is.Positive);
            Assert.That(shown["idempotencyKey"]!.GetValue<string>(), Is.Empty, "Try it out pre-filled the Idempotency-Key");
        });
    }
}
