namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>The activation page's 401 and 403 rows (docs/api/en/chatwoot-activate.md): Chatwoot refuses the token, classified by status and body.
/// The raw cause follows <c>Detail:</c>; after every failure no integration is stored.</summary>
public sealed class ActivationRejectedTests : ChatwootTestBase
{
    private static string Denied => "Chatwoot denied the request - verify the API token has admin scope on account 5. Detail: ";

    [Test]
    public async Task Activate_UnknownChatwootToken_Is401()
    {
        // Arrange
        var body = ValidBody();
        body["chatwootApiToken"] = "not-a-chatwoot-token";

        // Act
        var response = await ActivateAsync(body);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized,
            $"Chatwoot rejected the API token - verify chatwootApiToken. Detail: {InboxesUrl} HTTP 401: {ChatwootErrors.InvalidAccessToken}");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_Chatwoot401NotListed_Is401()
    {
        // Arrange
        Chatwoot.FailNext(401, ChatwootErrors.SignInRequired);

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized,
            $"Chatwoot rejected the API token - verify chatwootApiToken. Detail: {InboxesUrl} HTTP 401: {ChatwootErrors.SignInRequired}");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_AgentToken_Is403()
    {
        // Arrange: Chatwoot 4.x answers a non-admin with 401 "You are not authorized to do this action".
        Chatwoot.AddAgentToken(AccountId, "cw-agent-token-5");
        var body = ValidBody();
        body["chatwootApiToken"] = "cw-agent-token-5";

        // Act
        var response = await ActivateAsync(body);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Forbidden, $"{Denied}{InboxesUrl} HTTP 401: {ChatwootErrors.NotAuthorizedAction}");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_TokenOfAnotherChatwootAccount_Is403()
    {
        // Arrange
        Chatwoot.AddAccount(6, "cw-admin-token-6");
        var body = ValidBody();
        body["chatwootApiToken"] = "cw-admin-token-6";

        // Act
        var response = await ActivateAsync(body);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Forbidden, $"{Denied}{InboxesUrl} HTTP 401: {ChatwootErrors.NotAuthorizedAccount}");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_SuspendedAccount_Is403()
    {
        // Arrange
        const string suspended = """{"error":"Account is suspended"}""";
        Chatwoot.FailNext(401, suspended);

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Forbidden, $"{Denied}{InboxesUrl} HTTP 401: {suspended}");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_Chatwoot403_Is403()
    {
        // Arrange
        const string forbidden = """{"error":"Forbidden"}""";
        Chatwoot.FailNext(403, forbidden);

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Forbidden, $"{Denied}{InboxesUrl} HTTP 403: {forbidden}");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }
}
