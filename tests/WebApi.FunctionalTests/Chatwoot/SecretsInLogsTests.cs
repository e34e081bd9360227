namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>Tokens and credentials never appear in logs, at any level an operator may turn on.</summary>
public sealed class SecretsInLogsTests : ChatwootTestBase
{
    private const string WrongToken = "cw-wrong-token-Zk3pQ8rT1v";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
    };

    [Test]
    public async Task Logs_OfActivationInfoFailuresAndDeactivation_HoldNoSecret()
    {
        // Arrange
        using var instance = Api.CreateClientWithToken(InstanceToken);
        var wrong = ValidBody();
        wrong["chatwootApiToken"] = WrongToken;

        // Act
        var bridgeId = await ActivateOkAsync(client: instance);
        var webhookSecret = LastWebhookUrl().Split('/')[^1];
        var inboxSecret = Chatwoot.Inboxes.Single().Secret;
        Assert.That((await InfoAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ActivateAsync(wrong)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Chatwoot.FailNext(500, ChatwootErrors.InternalServerError);
        Assert.That((await ActivateAsync(ValidBody())).StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That((await DeactivateAsync(instance)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Assert
        var logs = Api.Logs.All;
        Assert.That(logs, Does.Contain(bridgeId), "the logs name the integration");
        Assert.That(logs, Does.Not.Contain(AdminToken), "the Chatwoot API token");
        Assert.That(logs, Does.Not.Contain(WrongToken), "a rejected Chatwoot API token");
        Assert.That(logs, Does.Not.Contain(ApiFactory.AccountToken), "the TokenAccount");
        Assert.That(logs, Does.Not.Contain(InstanceToken), "the TokenInstance");
        Assert.That(logs, Does.Not.Contain(webhookSecret), "the webhook secret");
        Assert.That(logs, Does.Not.Contain(inboxSecret), "the inbox signing secret");
    }
}
