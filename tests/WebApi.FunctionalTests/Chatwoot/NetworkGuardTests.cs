namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/chatwoot-activate.md optional SSRF guard: with <c>Chatwoot__BlockPrivateNetworks=true</c>, loopback, private,
/// link-local and metadata addresses are refused with 400 <c>invalid body: chatwootBaseUrl …</c>, except the
/// hosts in <c>Chatwoot__AllowedHosts</c>.</summary>
public sealed class NetworkGuardTests : ChatwootTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Chatwoot:BlockPrivateNetworks"] = "true",
        ["Chatwoot:AllowedHosts:0"] = "localhost",
    };

    [Test]
    public async Task Activate_LoopbackChatwoot_Is400AndNeverConnects()
    {
        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, "invalid body: chatwootBaseUrl ");
        Assert.That(Chatwoot.Requests, Is.Empty);
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_CloudMetadataAddress_Is400()
    {
        // Arrange
        var body = ValidBody();
        body["chatwootBaseUrl"] = "http://169.254.169.254";

        // Act
        var response = await ActivateAsync(body);

        // Assert
        await response.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, "invalid body: chatwootBaseUrl ");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_AllowedHost_Is201()
    {
        // Arrange
        var body = ValidBody();
        body["chatwootBaseUrl"] = Chatwoot.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        // Act
        var response = await ActivateAsync(body);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(InboxCreations, Has.Count.EqualTo(1));
    }
}
