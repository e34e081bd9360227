using System.Net;
using RyzeApi.WebApi.FunctionalTests.Support;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

[TestFixture("Chatwoot:Enabled", "false")]
[TestFixture("Chatwoot:EncryptionKey", "")]
[TestFixture("RyzeApi:PublicBaseUrl", "")]
public sealed class ModuleGateTests(string setting, string value) : ApiTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [setting] = value };

    [Test]
    public async Task EveryChatwootEndpoint_WhileNotConfigured_Is503()
    {
        // Arrange
        await CreateInstanceAsync("suporte");

        // Act
        var responses = new[]
        {
            await Account.PostJsonAsync("/api/chatwoot/set/suporte", new { chatwootBaseUrl = "https://chatwoot.example.com" }),
            await Account.GetAsync("/api/chatwoot/list/suporte"),
            await Account.DeleteAsync("/api/chatwoot/delete/suporte"),
        };

        // Assert
        foreach (var response in responses)
        {
            await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "integration gateway not configured");
        }
    }

    [Test]
    public async Task Gate_ComesAfterAuth()
    {
        // Arrange
        using var anonymous = Api.CreateClient();

        // Act
        var response = await anonymous.GetAsync("/api/chatwoot/list/suporte");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Missing token");
    }
}
