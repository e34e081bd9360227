using System.Net.Http.Headers;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

public sealed class AuthTests : ApiTestBase
{
    [Test]
    public async Task Request_WithoutToken_Is401MissingToken()
    {
        // Arrange
        using var anonymous = Api.CreateClient();

        // Act
        var response = await anonymous.GetAsync("/api/chatwoot/list/suporte");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Missing token");
    }

    [Test]
    public async Task Request_WithUnknownToken_Is401InvalidToken()
    {
        // Arrange
        using var stranger = Api.CreateClientWithToken("not-a-token-of-anyone");

        // Act
        var response = await stranger.GetAsync("/api/instance/list");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Invalid token");
    }

    [Test]
    public async Task Request_WithBearerToken_IsAccepted()
    {
        // Arrange
        using var bearer = Api.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.AccountToken);

        // Act
        var response = await bearer.GetAsync("/api/instance/list");

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task InstanceToken_OnAnotherInstance_Is403EvenWhenThatInstanceDoesNotExist()
    {
        // Arrange
        var token = await CreateInstanceAsync("suporte");
        await CreateInstanceAsync("vendas");
        using var instance = Api.CreateClientWithToken(token);

        // Act
        var existing = await instance.GetAsync("/api/chatwoot/list/vendas");
        var missing = await instance.DeleteAsync("/api/chatwoot/delete/nao-existe");

        // Assert
        await existing.AssertErrorAsync(HttpStatusCode.Forbidden, "Instance token does not match the requested instance");
        await missing.AssertErrorAsync(HttpStatusCode.Forbidden, "Instance token does not match the requested instance");
    }

    [Test]
    public async Task InstanceToken_OnItsOwnInstance_PassesAuth()
    {
        // Arrange
        var token = await CreateInstanceAsync("suporte");
        using var instance = Api.CreateClientWithToken(token);

        // Act
        var response = await instance.GetAsync("/api/chatwoot/list/suporte");

        // Assert: past auth, the instance simply has no integration yet.
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "no chatwoot integration for this instance");
    }

    [Test]
    public async Task AccountToken_OnAnotherAccountsInstance_Is404LikeAMissingOne()
    {
        // Arrange
        await CreateInstanceAsync("suporte");
        using var other = await CreateOtherAccountAsync("other-account-token-1234");

        // Act
        var foreign = await other.GetAsync("/api/chatwoot/list/suporte");
        var missing = await other.GetAsync("/api/chatwoot/list/nao-existe");

        // Assert
        await foreign.AssertErrorAsync(HttpStatusCode.NotFound, "instance not found");
        await missing.AssertErrorAsync(HttpStatusCode.NotFound, "instance not found");
    }

    [Test]
    public async Task InstanceToken_WhereOnlyAccountTokensAreAccepted_Is403NamingTheTokenNeeded()
    {
        // Arrange: the token is valid, its kind is not enough.
        var token = await CreateInstanceAsync("suporte");
        using var instance = Api.CreateClientWithToken(token);

        // Act
        var delete = await instance.DeleteAsync("/api/instance/delete/suporte");
        var create = await instance.PostJsonAsync("/api/instance/new", new { name = "outra" });

        // Assert
        await delete.AssertErrorAsync(HttpStatusCode.Forbidden, "This endpoint needs a TokenAccount");
        await create.AssertErrorAsync(HttpStatusCode.Forbidden, "This endpoint needs a TokenAccount");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM instances"), Is.EqualTo(1), "nothing created or deleted");
    }

    [TestCase("{0}", TestName = "AuthorizationHeader_BareToken_Is401SayingBearerIsNeeded")]
    [TestCase("Basic {0}", TestName = "AuthorizationHeader_Basic_Is401SayingBearerIsNeeded")]
    [TestCase("Token {0}", TestName = "AuthorizationHeader_OtherScheme_Is401SayingBearerIsNeeded")]
    [TestCase("Bearer", TestName = "AuthorizationHeader_BearerWithoutToken_Is401SayingBearerIsNeeded")]
    public async Task AuthorizationHeader_NotBearerToken_Is401SayingWhatIsWrong(string format)
    {
        // Arrange: a valid account token, sent the wrong way.
        using var client = Api.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, ApiFactory.AccountToken));

        // Act
        var response = await client.GetAsync("/api/instance/list");

        // Assert
        await response.AssertErrorAsync(
            HttpStatusCode.Unauthorized, "Authorization header must be \"Bearer <token>\" - or send the token alone in the token header");
    }

    [Test]
    public async Task BearerWithAnUnknownToken_Is401InvalidToken()
    {
        // Arrange
        using var bearer = Api.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token-of-anyone");

        // Act
        var response = await bearer.GetAsync("/api/instance/list");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Invalid token");
    }
}
