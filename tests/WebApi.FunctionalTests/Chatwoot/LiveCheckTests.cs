using System.Diagnostics;

namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/chatwoot-info.md best-effort live check: what Chatwoot says about the inbox (gone, token revoked) turns
/// the status to <c>error</c>; an unreachable Chatwoot keeps the stored values and never fails the request.</summary>
public sealed class LiveCheckTests : ChatwootTestBase
{
    private string InboxUrl => $"{InboxesUrl}/1";

    [Test]
    public async Task Info_AsksChatwootForTheInboxWithTheStoredToken()
    {
        // Arrange
        await ActivateOkAsync();
        Chatwoot.ClearRequests();

        // Act
        await InfoAsync();

        // Assert
        var check = Chatwoot.Requests.Single();
        Assert.That($"{check.Method} {check.Path}", Is.EqualTo("GET /api/v1/accounts/5/inboxes/1"));
        Assert.That(check.Header("api-access-token"), Is.EqualTo(AdminToken));
    }

    [Test]
    public async Task Info_InboxDeletedInChatwoot_IsStatusErrorAndRemembersIt()
    {
        // Arrange
        await ActivateOkAsync();
        Chatwoot.DeleteInbox(AccountId, 1);
        var expected = "Chatwoot inbox 1 no longer exists in account 5 - activate the integration again to create a new inbox. "
            + $"Detail: Chatwoot account or endpoint not found - verify chatwootBaseUrl ({Chatwoot.BaseUrl}) and chatwootAccountId (5). "
            + $"Detail: {InboxUrl} HTTP 404: {ChatwootErrors.ResourceNotFound}";

        // Act
        var response = await InfoAsync();
        Chatwoot.ScriptAlways(FakeFault.InternalServerError());
        var later = await (await InfoAsync()).JsonAsync();

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var info = await response.JsonAsync();
        Assert.That(info.Text("status"), Is.EqualTo("error"));
        Assert.That(info.Text("last_error"), Is.EqualTo(expected));
        Assert.That(await Database.ScalarAsync<string>("SELECT status || '|' || last_error FROM chatwoot_integrations"), Is.EqualTo("error|" + expected));
        Assert.That(later.Text("status"), Is.EqualTo("error"), "stored, so an unreachable Chatwoot later still shows it");
        Assert.That(later.Text("last_error"), Is.EqualTo(expected));
    }

    [Test]
    public async Task Info_TokenRevokedInChatwoot_IsStatusError()
    {
        // Arrange
        await ActivateOkAsync();
        Chatwoot.RevokeToken(AdminToken);

        // Act
        var info = await (await InfoAsync()).JsonAsync();

        // Assert
        Assert.That(info.Text("status"), Is.EqualTo("error"));
        Assert.That(info.Text("last_error"), Is.EqualTo(
            $"Chatwoot rejected the API token - verify chatwootApiToken. Detail: {InboxUrl} HTTP 401: {ChatwootErrors.InvalidAccessToken}"));
        Assert.That(info.Text("chatwoot_api_token"), Is.EqualTo(AdminToken));
    }

    [Test]
    public async Task Info_TokenNoLongerAdmin_IsStatusError()
    {
        // Arrange
        await ActivateOkAsync();
        Chatwoot.AddAgentToken(AccountId, AdminToken);

        // Act
        var info = await (await InfoAsync()).JsonAsync();

        // Assert
        Assert.That(info.Text("status"), Is.EqualTo("error"));
        Assert.That(info.Text("last_error"), Is.EqualTo(
            $"Chatwoot denied the request - verify the API token has admin scope on account 5. Detail: {InboxUrl} HTTP 401: {ChatwootErrors.NotAuthorizedAction}"));
    }

    [Test]
    public async Task Info_ChatwootFailing_Is200WithTheStoredValues()
    {
        // Arrange
        var bridgeId = await ActivateOkAsync();
        Chatwoot.ScriptAlways(FakeFault.InternalServerError());

        // Act
        var response = await InfoAsync();

        // Assert: the inconclusive check is logged as an answer with an error, not as "unreachable".
        await AssertStoredAndActiveAsync(response, bridgeId, Chatwoot.BaseUrl);
        Assert.That(Api.Logs.Lines, Has.Some.Contains(
            $"inconclusive: Chatwoot answered with an error at {Chatwoot.BaseUrl} (HTTP 500) - retry later; if it persists, check the Chatwoot server's logs. "
            + $"Detail: {InboxUrl} HTTP 500: {ChatwootErrors.InternalServerError}"));
        Assert.That(Api.Logs.All, Does.Not.Contain("Chatwoot is unreachable"));
    }

    [Test]
    public async Task Info_ChatwootDroppingConnections_Is200WithTheStoredValues()
    {
        // Arrange
        var bridgeId = await ActivateOkAsync();
        Chatwoot.ScriptAlways(FakeFault.DropConnection());

        // Act
        var response = await InfoAsync();

        // Assert
        await AssertStoredAndActiveAsync(response, bridgeId, Chatwoot.BaseUrl);
    }

    [Test]
    public async Task Info_ChatwootStopped_Is200WithTheStoredValues()
    {
        // Arrange: activate against a Chatwoot that then goes away, so its port refuses connections.
        var gone = await FakeChatwoot.StartAsync();
        gone.AddAccount(AccountId, AdminToken);
        var body = ValidBody();
        body["chatwootBaseUrl"] = gone.BaseUrl;
        var bridgeId = await ActivateOkAsync(body);
        await gone.DisposeAsync();

        // Act
        var response = await InfoAsync();

        // Assert
        await AssertStoredAndActiveAsync(response, bridgeId, gone.BaseUrl);
    }

    [Test]
    public async Task Info_ChatwootNotAnswering_Is200WithinTheCheckTimeout()
    {
        // Arrange
        var bridgeId = await ActivateOkAsync();
        Chatwoot.ScriptAlways(FakeFault.Slow(TimeSpan.FromSeconds(30)));
        var watch = Stopwatch.StartNew();

        // Act
        var response = await InfoAsync();

        // Assert
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(11)), "docs/api/en/chatwoot-info.md: a 10 s live check");
        await AssertStoredAndActiveAsync(response, bridgeId, Chatwoot.BaseUrl);
    }

    private static async Task AssertStoredAndActiveAsync(HttpResponseMessage response, string bridgeId, string baseUrl)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var info = await response.JsonAsync();
        Assert.That(info.Text("status"), Is.EqualTo("active"));
        Assert.That(info.Text("last_error"), Is.Empty);
        Assert.That(info.Text("bridge_integration_id"), Is.EqualTo(bridgeId));
        Assert.That(info.Text("chatwoot_base_url"), Is.EqualTo(baseUrl));
        Assert.That(info.Text("chatwoot_api_token"), Is.EqualTo(AdminToken));
        Assert.That(await Database.ScalarAsync<string>("SELECT status FROM chatwoot_integrations"), Is.EqualTo("active"));
    }
}
