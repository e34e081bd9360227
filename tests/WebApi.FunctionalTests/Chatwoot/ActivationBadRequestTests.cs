namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>The activation page's 400 rows (docs/api/en/chatwoot-activate.md): no Chatwoot account or API at the URL, or Chatwoot rejects the request.
/// The raw cause follows <c>Detail:</c>; after every failure no integration is stored.</summary>
public sealed class ActivationBadRequestTests : ChatwootTestBase
{
    private string NotFound => $"Chatwoot account or endpoint not found - verify chatwootBaseUrl ({Chatwoot.BaseUrl}) and chatwootAccountId (5). Detail: ";

    [Test]
    public async Task Activate_UnknownChatwootAccount_Is400()
    {
        // Arrange
        var body = ValidBody();
        body["chatwootAccountId"] = 99;

        // Act
        var response = await ActivateAsync(body);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest,
            $"Chatwoot account or endpoint not found - verify chatwootBaseUrl ({Chatwoot.BaseUrl}) and chatwootAccountId (99). "
            + $"Detail: {Chatwoot.BaseUrl}/api/v1/accounts/99/inboxes HTTP 404: {ChatwootErrors.ResourceNotFound}");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_BaseUrlOfSomethingElse_Is400()
    {
        // Arrange: a path under which no Chatwoot lives answers Rails' routing 404.
        var body = ValidBody();
        body["chatwootBaseUrl"] = Chatwoot.BaseUrl + "/chatwoot";

        // Act
        var response = await ActivateAsync(body);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest,
            $"Chatwoot account or endpoint not found - verify chatwootBaseUrl ({Chatwoot.BaseUrl}/chatwoot) and chatwootAccountId (5). "
            + $"Detail: {Chatwoot.BaseUrl}/chatwoot/api/v1/accounts/5/inboxes HTTP 404: {ChatwootErrors.RouteNotFound}");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [TestCase(200, "text/html", "<html><body><h1>Welcome to nginx!</h1></body></html>")]
    [TestCase(200, "text/plain", "ok")]
    [TestCase(200, FakeFault.JsonContentType, """{"payload":[]}""")]
    [TestCase(404, "text/html", "<html><head><title>404 Not Found</title></head></html>")]
    public async Task Activate_AnswerThatIsNotChatwoot_Is400(int status, string contentType, string answer)
    {
        // Arrange
        Chatwoot.FailNext(status, answer, contentType);

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        var message = await response.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, $"{NotFound}{InboxesUrl} HTTP {status}: ");
        Assert.That(message, Does.EndWith(answer));
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_ChatwootRedirects_IsNotFollowed()
    {
        // Arrange: a 307 keeps the method and body, so following it would create the inbox.
        var fault = FakeFault.Redirect(307, InboxesUrl);
        Chatwoot.Script(fault);

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert (docs/api/en/chatwoot-activate.md: outbound requests follow no redirects)
        var message = await response.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, $"{NotFound}{InboxesUrl} HTTP 307: ");
        Assert.That(message, Does.Contain(InboxesUrl + " not followed"));
        Assert.That(InboxCreations, Has.Count.EqualTo(1));
        Assert.That(Chatwoot.Inboxes, Is.Empty);
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_Chatwoot422_Is400RejectedAsInvalid()
    {
        // Arrange
        var invalid = ChatwootErrors.Validation(["Name can't be blank"], ["name"]);
        Chatwoot.FailNext(422, invalid);

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        var message = await response.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, "Chatwoot rejected the request as invalid");
        Assert.That(message, Does.EndWith($"Detail: {InboxesUrl} HTTP 422: {invalid}"));
        Assert.That(invalid, Is.EqualTo("""{"message":"Name can't be blank","attributes":["name"]}"""));
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [TestCase(402, """{"error":"Account limit exceeded. Please purchase more licenses"}""")]
    [TestCase(400, ChatwootErrors.BadRequest)]
    public async Task Activate_OtherChatwoot4xx_Is400RejectedAsInvalid(int status, string answer)
    {
        // Arrange
        Chatwoot.FailNext(status, answer);

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        var message = await response.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, "Chatwoot rejected the request as invalid");
        Assert.That(message, Does.EndWith($"Detail: {InboxesUrl} HTTP {status}: {answer}"));
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }
}
