using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/instance-create.md: <c>POST /api/instance/new</c> with <c>chatwootEnabled</c> activates Chatwoot too; a failed
/// activation does not fail the creation and is reported in <c>chatwoot.error</c>.</summary>
public sealed class InlineActivationTests : ChatwootTestBase
{
    [Test]
    public async Task CreateInstance_WithChatwoot_Is201WithTheActiveIntegration()
    {
        // Arrange
        var body = InlineActivationBody();
        body["chatwootInboxName"] = "Vendas";
        body["chatwootSignMessages"] = true;
        body["chatwootStartAsPending"] = true;

        // Act
        var response = await Account.PostAsJsonAsync("/api/instance/new", body);

        // Assert
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var created = JsonNode.Parse(text)!;
        Assert.That(created.Text("message"), Is.EqualTo("Instance created"));
        var chatwoot = created["chatwoot"]!.AsObject();
        Assert.That(chatwoot.Select(p => p.Key), Is.EquivalentTo(new[] { "status", "bridge_integration_id" }), text);
        Assert.That(chatwoot.Text("status"), Is.EqualTo("active"));
        Assert.That(chatwoot.Text("bridge_integration_id"), Does.Match("^int_[a-z0-9]+$"));
        Assert.That(Chatwoot.Inboxes.Single().Name, Is.EqualTo("Vendas"));
        Assert.That(LastWebhookUrl(), Does.StartWith($"https://ryzeapi.test/api/chatwoot/webhook/{chatwoot.Text("bridge_integration_id")}/"));
        var info = await (await InfoAsync(instance: "vendas")).JsonAsync();
        Assert.That(info.Text("bridge_integration_id"), Is.EqualTo(chatwoot.Text("bridge_integration_id")));
        Assert.That(info["sign_messages"]!.GetValue<bool>(), Is.True);
        Assert.That(info["start_as_pending"]!.GetValue<bool>(), Is.True);
        Assert.That(info["ignore_groups"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task CreateInstance_ChatwootRejectsTheToken_Is201WithTheActivationError()
    {
        // Arrange
        var body = InlineActivationBody();
        body["chatwootApiToken"] = "not-a-chatwoot-token";

        // Act
        var response = await Account.PostAsJsonAsync("/api/instance/new", body);

        // Assert
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        var created = JsonNode.Parse(text)!;
        Assert.That(created["instance"]!.Text("token"), Is.Not.Empty, "the TokenInstance, shown only here");
        var chatwoot = created["chatwoot"]!.AsObject();
        Assert.That(chatwoot.Select(p => p.Key), Is.EquivalentTo(new[] { "status", "error" }), text);
        Assert.That(chatwoot.Text("status"), Is.EqualTo("error"));
        Assert.That(chatwoot.Text("error"), Is.EqualTo(
            $"Chatwoot rejected the API token - verify chatwootApiToken. Detail: {InboxesUrl} HTTP 401: {ChatwootErrors.InvalidAccessToken}"));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM instances WHERE name = 'vendas'"), Is.EqualTo(1));
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task CreateInstance_ChatwootUnreachable_Is201WithTheActivationError()
    {
        // Arrange
        var refused = FakeChatwoot.UnusedLoopbackUrl();
        var body = InlineActivationBody();
        body["chatwootBaseUrl"] = refused;

        // Act
        var response = await Account.PostAsJsonAsync("/api/instance/new", body);

        // Assert
        Assert.That(await InlineActivationErrorAsync(response), Does.StartWith(
            $"Chatwoot is unreachable at {refused} - verify chatwootBaseUrl and that the host is reachable from the server. Detail: Post \"{refused}/api/v1/accounts/5/inboxes\": "));
        await (await InfoAsync(instance: "vendas")).AssertErrorAsync(HttpStatusCode.NotFound, "no chatwoot integration for this instance");
    }

    [Test]
    public async Task CreateInstance_Chatwoot500_Is201WithChatwootAnsweredWithAnError()
    {
        // Arrange
        Chatwoot.FailNext(500, ChatwootErrors.InternalServerError);

        // Act
        var response = await Account.PostAsJsonAsync("/api/instance/new", InlineActivationBody());

        // Assert
        Assert.That(await InlineActivationErrorAsync(response), Is.EqualTo(
            $"Chatwoot answered with an error at {Chatwoot.BaseUrl} (HTTP 500) - retry later; if it persists, check the Chatwoot server's logs. "
            + $"Detail: {InboxesUrl} HTTP 500: {ChatwootErrors.InternalServerError}"));
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task CreateInstance_ChatwootNotEnabled_CallsNoChatwoot()
    {
        // Arrange
        var body = InlineActivationBody();
        body["chatwootEnabled"] = false;

        // Act
        var response = await Account.PostAsJsonAsync("/api/instance/new", body);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var created = (await response.JsonAsync()).AsObject();
        Assert.That(created.ContainsKey("chatwoot") && created["chatwoot"] is null, Is.True);
        Assert.That(Chatwoot.Requests, Is.Empty);
    }

    [Test]
    public async Task CreateInstance_InlineInboxNameTooLong_Is400NamingItsField()
    {
        // Arrange
        var body = InlineActivationBody();
        body["chatwootInboxName"] = new string('n', 256);

        // Act
        var response = await Account.PostAsJsonAsync("/api/instance/new", body);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: chatwootInboxName is too long: 256 characters, at most 255");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM instances WHERE name = 'vendas'"), Is.Zero);
        Assert.That(Chatwoot.Requests, Is.Empty);
    }
}
