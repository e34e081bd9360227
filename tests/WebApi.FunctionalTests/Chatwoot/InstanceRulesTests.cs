namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/README.md and the activation page's 404 row: which instance a token may activate, decided before Chatwoot is called.</summary>
public sealed class InstanceRulesTests : ChatwootTestBase
{
    [Test]
    public async Task Activate_UnknownInstance_Is404()
    {
        // Act
        var response = await ActivateAsync(ValidBody(), instance: "nao-existe");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "instance not found");
        Assert.That(Chatwoot.Requests, Is.Empty);
    }

    [Test]
    public async Task Activate_InstanceOfAnotherAccount_Is404LikeAMissingOne()
    {
        // Arrange
        using var other = await CreateOtherAccountAsync("other-account-token-1234");

        // Act
        var response = await ActivateAsync(ValidBody(), other);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "instance not found");
        Assert.That(Chatwoot.Requests, Is.Empty);
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_WithItsOwnInstanceToken_Is201()
    {
        // Arrange
        using var instance = Api.CreateClientWithToken(InstanceToken);

        // Act
        var response = await ActivateAsync(ValidBody(), instance);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await response.JsonAsync()).Text("instance"), Is.EqualTo("suporte"));
        Assert.That(await IntegrationCountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Activate_WithAnotherInstancesToken_Is403()
    {
        // Arrange
        await CreateInstanceAsync("vendas");
        using var instance = Api.CreateClientWithToken(InstanceToken);

        // Act
        var response = await ActivateAsync(ValidBody(), instance, "vendas");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "Instance token does not match the requested instance");
        Assert.That(Chatwoot.Requests, Is.Empty);
    }

    [Test]
    public async Task Activate_WithoutToken_Is401()
    {
        // Arrange
        using var anonymous = Api.CreateClient();

        // Act
        var response = await ActivateAsync(ValidBody(), anonymous);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Missing token");
        Assert.That(Chatwoot.Requests, Is.Empty);
    }
}
