namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>A stored Chatwoot token that cannot be decrypted (altered, moved to another row, or made with a
/// key no longer configured) is a server fault: 500 with an operator-facing message and no internals.</summary>
public sealed class TamperedSecretTests : ChatwootTestBase
{
    private const string Unreadable =
        "stored chatwoot token cannot be decrypted - the operator must restore its encryption key in Chatwoot__PreviousEncryptionKeys, or activate the integration again";

    [Test]
    public async Task Info_CiphertextWithAFlippedBit_Is500WithoutInternals()
    {
        // Arrange
        await ActivateOkAsync();
        await Database.ExecuteAsync(
            "UPDATE chatwoot_integrations SET api_token_ciphertext = set_byte(api_token_ciphertext, 20, get_byte(api_token_ciphertext, 20) # 1)");
        Chatwoot.ClearRequests();

        // Act
        var response = await InfoAsync();

        // Assert
        var text = await response.Content.ReadAsStringAsync();
        await response.AssertErrorAsync(HttpStatusCode.InternalServerError, Unreadable);
        Assert.That(text, Does.Not.Contain(AdminToken).And.Not.Contain("Exception").And.Not.Contain("AesGcm"));
        Assert.That(Chatwoot.Requests, Is.Empty, "no live check with an unreadable token");
    }

    [Test]
    public async Task Info_CiphertextOfAnotherIntegration_Is500()
    {
        // Arrange: the integration id is the associated data, so a copied ciphertext does not decrypt.
        await CreateInstanceAsync("vendas");
        await ActivateOkAsync();
        await ActivateOkAsync(instance: "vendas");
        await Database.ExecuteAsync("""
            UPDATE chatwoot_integrations s SET api_token_ciphertext = v.api_token_ciphertext
            FROM chatwoot_integrations v JOIN instances vi ON vi.id = v.instance_id AND vi.name = 'vendas'
            WHERE s.instance_id = (SELECT id FROM instances WHERE name = 'suporte')
            """);

        // Act
        var response = await InfoAsync();

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.InternalServerError, Unreadable);
    }

    [Test]
    public async Task Info_KeyNoLongerConfigured_Is500()
    {
        // Arrange
        await ActivateOkAsync();
        await Database.ExecuteAsync("UPDATE chatwoot_integrations SET api_token_key_id = 'retired-key'");

        // Act
        var response = await InfoAsync();

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.InternalServerError, Unreadable);
    }

    [Test]
    public async Task Deactivate_UnreadableToken_IsStill200AndDeletesTheIntegration()
    {
        // Arrange: clearing the inbox webhook is best effort (docs/api/en/chatwoot-deactivate.md), and impossible without the token.
        await ActivateOkAsync();
        await Database.ExecuteAsync(
            "UPDATE chatwoot_integrations SET api_token_ciphertext = set_byte(api_token_ciphertext, 20, get_byte(api_token_ciphertext, 20) # 1)");
        Chatwoot.ClearRequests();

        // Act
        var response = await DeactivateAsync();

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await IntegrationCountAsync(), Is.Zero);
        Assert.That(Chatwoot.Requests, Is.Empty);
    }

    [Test]
    public async Task Activate_OverAnUnreadableToken_ReplacesIt()
    {
        // Arrange
        await ActivateOkAsync();
        await Database.ExecuteAsync("UPDATE chatwoot_integrations SET api_token_key_id = 'retired-key'");

        // Act
        await ActivateOkAsync();

        // Assert
        var info = await InfoAsync();
        Assert.That(info.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await info.JsonAsync()).Text("chatwoot_api_token"), Is.EqualTo(AdminToken));
    }
}
