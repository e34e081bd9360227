using System.Net;
using RyzeApi.WebApi.FunctionalTests.Support;

namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/operations.md, docs/api/en/instance-create.md: with the module switched off, an inline activation reports the 503 message and the
/// instance is still created.</summary>
public sealed class InlineActivationGateTests : ChatwootTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Chatwoot:Enabled"] = "false" };

    [Test]
    public async Task CreateInstance_WithChatwootWhileModuleDisabled_Is201WithTheGateMessage()
    {
        // Act
        var response = await Account.PostJsonAsync("/api/instance/new", new
        {
            name = "vendas",
            chatwootEnabled = true,
            chatwootBaseUrl = Chatwoot.BaseUrl,
            chatwootAccountId = AccountId,
            chatwootApiToken = AdminToken,
        });

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var chatwoot = (await response.JsonAsync())["chatwoot"]!;
        Assert.That(chatwoot.Text("status"), Is.EqualTo("error"));
        Assert.That(chatwoot.Text("error"), Is.EqualTo("integration gateway not configured"));
        Assert.That(Chatwoot.Requests, Is.Empty);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM instances WHERE name = 'vendas'"), Is.EqualTo(1));
    }
}
