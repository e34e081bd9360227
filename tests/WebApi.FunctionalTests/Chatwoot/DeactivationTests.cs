using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/chatwoot-deactivate.md: deactivation deletes the integration at once, keeps the Chatwoot inbox and clears its
/// webhook URL on a best-effort basis.</summary>
public sealed class DeactivationTests : ChatwootTestBase
{
    [Test]
    public async Task Deactivate_Activated_Is200WithExactlyTheMessage()
    {
        // Arrange
        await ActivateOkAsync();

        // Act
        var response = await DeactivateAsync();

        // Assert
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse("""{"message":"chatwoot integration deactivated"}""")), Is.True, text);
        Assert.That(await IntegrationCountAsync(), Is.Zero);
        await (await InfoAsync()).AssertErrorAsync(HttpStatusCode.NotFound, "no chatwoot integration for this instance");
    }

    [Test]
    public async Task Deactivate_ClearsTheInboxWebhookAndKeepsTheInbox()
    {
        // Arrange
        await ActivateOkAsync();
        Chatwoot.ClearRequests();

        // Act
        await DeactivateAsync();

        // Assert
        var clear = Chatwoot.Requests.Single();
        Assert.That($"{clear.Method} {clear.Path}", Is.EqualTo("PATCH /api/v1/accounts/5/inboxes/1"));
        Assert.That(clear.Header("api-access-token"), Is.EqualTo(AdminToken));
        Assert.That(JsonNode.Parse(clear.Body)!["channel"]!.Text("webhook_url"), Is.Empty);
        var inbox = Chatwoot.Inboxes.Single();
        Assert.That(inbox.Id, Is.EqualTo(1));
        Assert.That(inbox.WebhookUrl, Is.Empty);
    }

    [Test]
    public async Task Deactivate_WithItsOwnInstanceToken_Is200()
    {
        // Arrange
        await ActivateOkAsync();
        using var instance = Api.CreateClientWithToken(InstanceToken);

        // Act
        var response = await DeactivateAsync(instance);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Deactivate_ChatwootFailing_IsStill200AndLogsAWarning()
    {
        // Arrange
        var bridgeId = await ActivateOkAsync();
        Chatwoot.ScriptAlways(FakeFault.InternalServerError());

        // Act
        var response = await DeactivateAsync();

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await IntegrationCountAsync(), Is.Zero);
        Assert.That(Api.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)), Has.Some.Contains(bridgeId));
    }

    [Test]
    public async Task Deactivate_InboxAlreadyDeletedInChatwoot_IsStill200()
    {
        // Arrange
        await ActivateOkAsync();
        Chatwoot.DeleteInbox(AccountId, 1);

        // Act
        var response = await DeactivateAsync();

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Deactivate_ChatwootStopped_IsStill200()
    {
        // Arrange
        var gone = await FakeChatwoot.StartAsync();
        gone.AddAccount(AccountId, AdminToken);
        var body = ValidBody();
        body["chatwootBaseUrl"] = gone.BaseUrl;
        await ActivateOkAsync(body);
        await gone.DisposeAsync();

        // Act
        var response = await DeactivateAsync();

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Deactivate_ChatwootNotAnswering_IsStill200()
    {
        // Arrange
        await ActivateOkAsync();
        Chatwoot.ScriptAlways(FakeFault.Slow(TimeSpan.FromSeconds(60)));

        // Act
        var response = await DeactivateAsync();

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Deactivate_NotActivated_Is404()
    {
        // Act
        var response = await DeactivateAsync();

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "no chatwoot integration to delete");
        Assert.That(Chatwoot.Requests, Is.Empty);
    }

    [Test]
    public async Task Deactivate_Twice_IsThen404()
    {
        // Arrange
        await ActivateOkAsync();
        await DeactivateAsync();

        // Act
        var response = await DeactivateAsync();

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "no chatwoot integration to delete");
    }

    [Test]
    public async Task Deactivate_UnknownInstance_Is404()
    {
        // Act
        var response = await DeactivateAsync(instance: "nao-existe");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "instance not found");
    }

    [Test]
    public async Task Deactivate_InstanceOfAnotherAccount_Is404AndKeepsTheIntegration()
    {
        // Arrange
        await ActivateOkAsync();
        using var other = await CreateOtherAccountAsync("other-account-token-1234");

        // Act
        var response = await DeactivateAsync(other);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "instance not found");
        Assert.That(await IntegrationCountAsync(), Is.EqualTo(1));
    }
}
