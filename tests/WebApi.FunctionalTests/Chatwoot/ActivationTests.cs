using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

public sealed class ActivationTests : ChatwootTestBase
{
    [Test]
    public async Task Activate_ValidBody_Is201WithExactlyTheSeedsFourFields()
    {
        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("application/json; charset=utf-8"));
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "instance", "status", "bridge_integration_id", "message" }), text);
        Assert.That(body.Text("instance"), Is.EqualTo("suporte"));
        Assert.That(body.Text("status"), Is.EqualTo("active"));
        Assert.That(body.Text("bridge_integration_id"), Does.Match("^int_[a-z0-9]+$"));
        Assert.That(body.Text("message"), Is.EqualTo("chatwoot integration activated"));
        Assert.That(await Database.ScalarAsync<string>("SELECT id FROM chatwoot_integrations"), Is.EqualTo(body.Text("bridge_integration_id")));
    }

    [Test]
    public async Task Activate_ValidBody_CreatesAnApiInboxWhoseWebhookPointsBackToRyzeApi()
    {
        // Act
        var bridgeId = await ActivateOkAsync();

        // Assert
        var create = Chatwoot.Requests.Single();
        Assert.That(create.Method, Is.EqualTo("POST"));
        Assert.That(create.Path, Is.EqualTo("/api/v1/accounts/5/inboxes"));
        Assert.That(create.Header("api-access-token"), Is.EqualTo(AdminToken), "docs/api/en/chatwoot-activate.md: the hyphenated header");
        var sent = JsonNode.Parse(create.Body)!;
        Assert.That(sent["channel"]!.Text("type"), Is.EqualTo("api"));
        Assert.That(LastWebhookUrl(), Does.Match($"^https://ryzeapi\\.test/api/chatwoot/webhook/{bridgeId}/[A-Za-z0-9_-]{{43}}$"));
        var inbox = Chatwoot.Inboxes.Single();
        Assert.That(inbox.WebhookUrl, Is.EqualTo(LastWebhookUrl()));
        Assert.That(await Database.ScalarAsync<long>("SELECT inbox_id FROM chatwoot_integrations"), Is.EqualTo(inbox.Id));
    }

    [Test]
    public async Task Activate_WithoutInboxName_NamesTheInboxRyzeAPI()
    {
        // Act
        await ActivateOkAsync();

        // Assert
        Assert.That(JsonNode.Parse(InboxCreations.Single().Body)!.Text("name"), Is.EqualTo("RyzeAPI"));
        Assert.That(Chatwoot.Inboxes.Single().Name, Is.EqualTo("RyzeAPI"));
    }

    [Test]
    public async Task Activate_WithInboxName_NamesTheInboxSo()
    {
        // Arrange
        var body = ValidBody();
        body["inboxName"] = "WhatsApp - Orion";

        // Act
        await ActivateOkAsync(body);

        // Assert
        Assert.That(Chatwoot.Inboxes.Single().Name, Is.EqualTo("WhatsApp - Orion"));
        Assert.That(await Database.ScalarAsync<string>("SELECT inbox_name FROM chatwoot_integrations"), Is.EqualTo("WhatsApp - Orion"));
    }

    [Test]
    public async Task Activate_BaseUrlWithTrailingSlash_IsStoredAndCalledWithoutIt()
    {
        // Arrange
        var body = ValidBody();
        body["chatwootBaseUrl"] = Chatwoot.BaseUrl + "/";

        // Act
        await ActivateOkAsync(body);
        var info = await (await InfoAsync()).JsonAsync();

        // Assert
        Assert.That(info.Text("chatwoot_base_url"), Is.EqualTo(Chatwoot.BaseUrl));
        Assert.That(await Database.ScalarAsync<string>("SELECT base_url FROM chatwoot_integrations"), Is.EqualTo(Chatwoot.BaseUrl));
        Assert.That(InboxCreations, Has.Count.EqualTo(1), "the inbox was created at /api/v1/…, not //api/v1/…");
    }

    [Test]
    public async Task Activate_WithFlags_StoresThem()
    {
        // Arrange
        var body = ValidBody();
        body["signMessages"] = true;
        body["ignoreGroups"] = true;
        body["startAsPending"] = false;
        body["reopenResolved"] = true;

        // Act
        await ActivateOkAsync(body);

        // Assert
        var stored = await Database.ScalarAsync<string>(
            "SELECT concat_ws(',', sign_messages, ignore_groups, start_as_pending, reopen_resolved) FROM chatwoot_integrations");
        Assert.That(stored, Is.EqualTo("t,t,f,t"));
    }

    [Test]
    public async Task Activate_ChatwootReturnsAnInboxSecret_StoresItEncrypted()
    {
        // Act
        await ActivateOkAsync();

        // Assert: Chatwoot 4.13+ signs webhooks with the inbox's secret (docs/api/en/chatwoot-webhook.md).
        Assert.That(await Database.ScalarAsync<bool>("SELECT inbox_secret_ciphertext IS NOT NULL FROM chatwoot_integrations"), Is.True);
    }
}
