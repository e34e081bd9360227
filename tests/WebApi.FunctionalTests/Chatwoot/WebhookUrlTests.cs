namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/chatwoot-webhook.md: the inbox webhook is <c>&lt;PublicBaseUrl&gt;/api/chatwoot/webhook/&lt;id&gt;/&lt;secret&gt;</c>,
/// also when RyzeApi is published under a path, with or without a trailing '/'.</summary>
public sealed class WebhookUrlTests : ChatwootTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RyzeApi:PublicBaseUrl"] = "https://gateway.example.com/ryzeapi/",
    };

    [Test]
    public async Task Activate_PublicBaseUrlWithPath_BuildsTheWebhookUnderIt()
    {
        // Act
        var bridgeId = await ActivateOkAsync();

        // Assert
        Assert.That(LastWebhookUrl(), Does.Match(
            $"^https://gateway\\.example\\.com/ryzeapi/api/chatwoot/webhook/{bridgeId}/[A-Za-z0-9_-]{{43}}$"));
    }
}
