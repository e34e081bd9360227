namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>The activation page's 502 row (docs/api/en/chatwoot-activate.md): 5xx, DNS, refused, TLS, dropped connections and timeouts.
/// The raw cause follows <c>Detail:</c>; after every failure no integration is stored.</summary>
public sealed class ActivationUnreachableTests : ChatwootTestBase
{
    private string Unreachable => $"Chatwoot is unreachable at {Chatwoot.BaseUrl} - verify chatwootBaseUrl and that the host is reachable from the server. Detail: ";

    /// <summary>A 5xx is an answer: Chatwoot is reachable but failing (docs/adr/0017-chatwoot-5xx-is-not-unreachable.md).</summary>
    private string AnsweredWithError(int status) =>
        $"Chatwoot answered with an error at {Chatwoot.BaseUrl} (HTTP {status}) - retry later; if it persists, check the Chatwoot server's logs. Detail: ";

    [Test]
    public async Task Activate_Chatwoot500_Is502AndIsNotRetried()
    {
        // Arrange
        Chatwoot.FailNext(500, ChatwootErrors.InternalServerError, times: 5);

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadGateway, $"{AnsweredWithError(500)}{InboxesUrl} HTTP 500: {ChatwootErrors.InternalServerError}");
        Assert.That(InboxCreations, Has.Count.EqualTo(1), "creating an inbox twice would leave an orphan");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task Activate_NginxErrorPage_Is502(int status)
    {
        // Arrange
        Chatwoot.Script(FakeFault.NginxPage(status));

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        var message = await response.AssertErrorStartsWithAsync(HttpStatusCode.BadGateway, $"{AnsweredWithError(status)}{InboxesUrl} HTTP {status}: <html>");
        Assert.That(message, Does.Contain("<center>nginx</center>"));
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_ConnectionRefused_Is502WithTheTransportError()
    {
        // Arrange
        var refused = FakeChatwoot.UnusedLoopbackUrl();
        var body = ValidBody();
        body["chatwootBaseUrl"] = refused;

        // Act
        var response = await ActivateAsync(body);

        // Assert
        var message = await response.AssertErrorStartsWithAsync(HttpStatusCode.BadGateway,
            $"Chatwoot is unreachable at {refused} - verify chatwootBaseUrl and that the host is reachable from the server. "
            + $"Detail: Post \"{refused}/api/v1/accounts/5/inboxes\": ");
        Assert.That(message, Does.Contain("Connection refused").IgnoreCase);
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_UnknownHost_Is502()
    {
        // Arrange: .invalid never resolves (RFC 2606).
        var body = ValidBody();
        body["chatwootBaseUrl"] = "http://chatwoot.invalid";

        // Act
        var response = await ActivateAsync(body);

        // Assert
        await response.AssertErrorStartsWithAsync(HttpStatusCode.BadGateway,
            "Chatwoot is unreachable at http://chatwoot.invalid - verify chatwootBaseUrl and that the host is reachable from the server. "
            + "Detail: Post \"http://chatwoot.invalid/api/v1/accounts/5/inboxes\": ");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_TlsFailure_Is502()
    {
        // Arrange: https to a server that speaks plain HTTP fails the TLS handshake.
        var https = Chatwoot.BaseUrl.Replace("http://", "https://", StringComparison.Ordinal);
        var body = ValidBody();
        body["chatwootBaseUrl"] = https;

        // Act
        var response = await ActivateAsync(body);

        // Assert
        await response.AssertErrorStartsWithAsync(HttpStatusCode.BadGateway,
            $"Chatwoot is unreachable at {https} - verify chatwootBaseUrl and that the host is reachable from the server. "
            + $"Detail: Post \"{https}/api/v1/accounts/5/inboxes\": ");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_ConnectionDropped_Is502()
    {
        // Arrange
        Chatwoot.DropNext();

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorStartsWithAsync(HttpStatusCode.BadGateway, $"{Unreachable}Post \"{InboxesUrl}\": ");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_ChatwootSlowerThanTheAttemptTimeout_Is502()
    {
        // Arrange: the tests' attempt timeout is 2 s (ApiFactory), under the 5 s activation timeout.
        Chatwoot.DelayNext(TimeSpan.FromSeconds(4));

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorStartsWithAsync(HttpStatusCode.BadGateway, $"{Unreachable}Post \"{InboxesUrl}\": ");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }
}
