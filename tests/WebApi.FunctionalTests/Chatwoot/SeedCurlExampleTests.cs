using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>The activation page's own cURL example (docs/api/en/chatwoot-activate.md), run with the real curl against the API on a real loopback
/// port (Kestrel), with only the two hosts substituted. Its token and account are the fake Chatwoot's.</summary>
public sealed class SeedCurlExampleTests
{
    // Verbatim from seed/activar-integracion.es.md ("Ejemplo", cURL).
    private const string SeedCurl = """
        curl -X POST "https://ryzeapi.cloud/api/chatwoot/set/suporte" \
          -H "token: $Token_Account" \
          -H "Content-Type: application/json" \
          -d '{
            "chatwootBaseUrl":   "https://chatwoot.example.com",
            "chatwootAccountId": 5,
            "chatwootApiToken":  "sk_live_abc123...",
            "inboxName":         "WhatsApp - Orion",
            "signMessages":      true,
            "ignoreGroups":      false,
            "startAsPending":    false,
            "reopenResolved":    true
          }'
        """;

    [Test]
    public async Task SeedCurl_AgainstTheRunningApi_Is201WithTheSeedsBody()
    {
        // Arrange
        await FunctionalSetup.Database.ResetAsync();
        await using var chatwoot = await FakeChatwoot.StartAsync();
        chatwoot.AddAccount(5, "sk_live_abc123...");
        await using var api = ApiFactory.Create(FunctionalSetup.Database.ConnectionString);
        api.UseKestrel(0);
        api.StartServer();
        var apiUrl = api.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        using var account = new HttpClient { BaseAddress = new Uri(apiUrl) };
        account.DefaultRequestHeaders.Add("token", ApiFactory.AccountToken);
        var created = await account.PostAsJsonAsync("/api/instance/new", new { name = "suporte" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var command = SeedCurl.Replace("https://ryzeapi.cloud", apiUrl, StringComparison.Ordinal)
            .Replace("https://chatwoot.example.com", chatwoot.BaseUrl, StringComparison.Ordinal);

        // Act: the activation page's command, plus curl's options to print the status after the body.
        var (exitCode, output, error) = await Shell.RunAsync(
            command + " --silent --show-error --write-out '\\n%{http_code}'",
            new Dictionary<string, string> { ["Token_Account"] = ApiFactory.AccountToken, ["NO_PROXY"] = "*" },
            TimeSpan.FromSeconds(30));

        // Assert
        Assert.That(exitCode, Is.Zero, error);
        var lines = output.Split('\n');
        Assert.That(lines[^1], Is.EqualTo("201"), output);
        var body = JsonNode.Parse(string.Join('\n', lines[..^1]))!.AsObject();
        Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "instance", "status", "bridge_integration_id", "message" }));
        Assert.That(body.Text("instance"), Is.EqualTo("suporte"));
        Assert.That(body.Text("status"), Is.EqualTo("active"));
        Assert.That(body.Text("bridge_integration_id"), Does.Match("^int_[a-z0-9]+$"));
        Assert.That(body.Text("message"), Is.EqualTo("chatwoot integration activated"));
        Assert.That(chatwoot.Inboxes.Single().Name, Is.EqualTo("WhatsApp - Orion"));
        var info = await (await account.GetAsync("/api/chatwoot/list/suporte")).JsonAsync();
        Assert.That(info.Text("chatwoot_api_token"), Is.EqualTo("sk_live_abc123..."));
        Assert.That(info["sign_messages"]!.GetValue<bool>(), Is.True);
        Assert.That(info["reopen_resolved"]!.GetValue<bool>(), Is.True);
        Assert.That(info["ignore_groups"]!.GetValue<bool>(), Is.False);
        Assert.That(info["start_as_pending"]!.GetValue<bool>(), Is.False);
    }
}
