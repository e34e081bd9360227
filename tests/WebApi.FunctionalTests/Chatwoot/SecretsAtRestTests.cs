using System.Text;

namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/README.md, docs/api/en/chatwoot-activate.md, docs/api/en/chatwoot-webhook.md: tokens are stored only as SHA-256 hashes, the Chatwoot token and the inbox signing
/// secret only as AES-256-GCM ciphertext; the webhook secret only hashed.</summary>
public sealed class SecretsAtRestTests : ChatwootTestBase
{
    [Test]
    public async Task Database_AfterActivation_HoldsNoSecretInPlaintext()
    {
        // Arrange: an Idempotency-Key too, so its stored answer is in the dump.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chatwoot/set/suporte")
        {
            Content = new StringContent(ValidBody().ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "secrets-at-rest");
        var response = await Account.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());

        // Act
        var dump = await Database.DumpAsync(withRateLimitCounts: true);

        // Assert
        Assert.That(dump, Does.Contain("int_"), "the dump holds the integration");
        var secrets = new Dictionary<string, string>
        {
            ["the Chatwoot API token"] = AdminToken,
            ["the TokenAccount"] = ApiFactory.AccountToken,
            ["the TokenInstance"] = InstanceToken,
            ["the webhook secret"] = LastWebhookUrl().Split('/')[^1],
            ["the inbox signing secret"] = Chatwoot.Inboxes.Single().Secret,
        };
        foreach (var (name, secret) in secrets)
        {
            var bytes = Encoding.UTF8.GetBytes(secret);
            Assert.That(dump, Does.Not.Contain(secret), name);
            Assert.That(dump, Does.Not.Contain(Convert.ToHexStringLower(bytes)), name + " as hex");
            Assert.That(dump, Does.Not.Contain(Convert.ToBase64String(bytes).TrimEnd('=')), name + " as base64");
        }
    }

    [Test]
    public async Task Database_ChatwootToken_IsAesGcmCiphertext()
    {
        // Arrange
        await ActivateOkAsync();

        // Act
        var length = await Database.ScalarAsync<int>("SELECT length(api_token_ciphertext) FROM chatwoot_integrations");

        // Assert: nonce (12) + ciphertext + tag (16).
        Assert.That(length, Is.EqualTo(12 + AdminToken.Length + 16));
    }

    [Test]
    public async Task Database_TwoActivationsWithOneToken_StoreDifferentCiphertexts()
    {
        // Arrange
        await CreateInstanceAsync("vendas");
        await ActivateOkAsync();
        await ActivateOkAsync(instance: "vendas");

        // Act
        var distinct = await Database.ScalarAsync<long>("SELECT count(DISTINCT api_token_ciphertext) FROM chatwoot_integrations");

        // Assert: a fresh nonce per encryption.
        Assert.That(distinct, Is.EqualTo(2));
    }
}
