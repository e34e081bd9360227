namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/chatwoot-activate.md: activating an instance that already has an integration creates a new inbox and replaces
/// the integration (new bridge_integration_id, new webhook secret).</summary>
public sealed class ReactivationTests : ChatwootTestBase
{
    [Test]
    public async Task Activate_Again_ReplacesTheIntegration()
    {
        // Arrange
        var first = await ActivateOkAsync();
        var firstWebhook = LastWebhookUrl();
        var second = ValidBody();
        second["inboxName"] = "Second";
        second["signMessages"] = true;

        // Act
        var response = await ActivateAsync(second);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var secondId = (await response.JsonAsync()).Text("bridge_integration_id");
        Assert.That(secondId, Is.Not.EqualTo(first));
        Assert.That(await IntegrationCountAsync(), Is.EqualTo(1));
        Assert.That(await Database.ScalarAsync<string>("SELECT id FROM chatwoot_integrations"), Is.EqualTo(secondId));
        Assert.That(Chatwoot.Inboxes.Select(i => i.Id), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(LastWebhookUrl(), Does.Contain($"/webhook/{secondId}/"));
        Assert.That(LastWebhookUrl().Split('/')[^1], Is.Not.EqualTo(firstWebhook.Split('/')[^1]), "a new webhook secret");
        var info = await (await InfoAsync()).JsonAsync();
        Assert.That(info.Text("bridge_integration_id"), Is.EqualTo(secondId));
        Assert.That(info["chatwoot_inbox_id"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(info.Text("chatwoot_inbox_name"), Is.EqualTo("Second"));
        Assert.That(info["sign_messages"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Activate_AgainButChatwootRejects_KeepsTheExistingIntegration()
    {
        // Arrange
        var first = await ActivateOkAsync();
        var second = ValidBody();
        second["chatwootApiToken"] = "not-a-chatwoot-token";

        // Act
        var response = await ActivateAsync(second);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await Database.ScalarAsync<string>("SELECT id FROM chatwoot_integrations"), Is.EqualTo(first));
        var info = await (await InfoAsync()).JsonAsync();
        Assert.That(info.Text("chatwoot_api_token"), Is.EqualTo(AdminToken));
        Assert.That(info.Text("status"), Is.EqualTo("active"));
    }

    [Test]
    public async Task Activate_AfterDeactivation_CreatesANewInbox()
    {
        // Arrange
        await ActivateOkAsync();
        Assert.That((await DeactivateAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Act
        var again = await ActivateOkAsync();

        // Assert
        Assert.That(InboxCreations, Has.Count.EqualTo(2));
        Assert.That(await Database.ScalarAsync<long>("SELECT inbox_id FROM chatwoot_integrations"), Is.EqualTo(2));
        Assert.That(await Database.ScalarAsync<string>("SELECT id FROM chatwoot_integrations"), Is.EqualTo(again));
    }
}
