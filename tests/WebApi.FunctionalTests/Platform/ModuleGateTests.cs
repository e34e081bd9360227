using Microsoft.Extensions.Logging;

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
    public async Task WhileNotConfigured_EachAnswerIsOneWarningLineWithoutStack()
    {
        // Arrange: a module switched off is the operator's choice; an Error line (with a stack trace from the
        // activation handler) would page someone for it.
        await CreateInstanceAsync("suporte");
        var before = Api.Logs.Entries.Count;

        // Act
        using var response = await Account.PostJsonAsync("/api/chatwoot/set/suporte", new { chatwootBaseUrl = "https://chatwoot.example.com" });

        // Assert
        var lines = Api.Logs.Entries.Skip(before).Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.That(lines, Has.Count.EqualTo(1), string.Join('\n', lines.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
        Assert.That(lines[0].Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(lines[0].Message, Is.EqualTo("POST /api/chatwoot/set/suporte answered 503: integration gateway not configured"));
        Assert.That(lines[0].Exception, Is.Null);
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
