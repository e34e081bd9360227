using System.Text;
using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/chatwoot-activate.md: every field rule answers 400 <c>invalid body: …</c> naming the field, before any Chatwoot call.</summary>
public sealed class ActivationValidationTests : ChatwootTestBase
{
    private const string BaseUrlRule =
        " - it must be an absolute http or https URL (RFC 3986) without query or fragment, e.g. https://chatwoot.example.com";

    private const string TokenRule =
        " - a Chatwoot access token is visible ASCII characters only, as Chatwoot issues it (no spaces, no placeholders such as <admin token>)";

    // json: the field's JSON value; C# null leaves the field out.
    [TestCase("chatwootBaseUrl", null, "chatwootBaseUrl is required")]
    [TestCase("chatwootBaseUrl", "null", "chatwootBaseUrl is required")]
    [TestCase("chatwootBaseUrl", "\"\"", "chatwootBaseUrl is empty" + BaseUrlRule)]
    [TestCase("chatwootBaseUrl", "\"chatwoot.example.com\"", "chatwootBaseUrl is not an absolute URL" + BaseUrlRule)]
    [TestCase("chatwootBaseUrl", "\"ftp://chatwoot.example.com\"", "chatwootBaseUrl has the scheme ftp, not http or https" + BaseUrlRule)]
    [TestCase("chatwootBaseUrl", "\"https://chatwoot.example.com/?a=1\"", "chatwootBaseUrl has a query (?...)" + BaseUrlRule)]
    [TestCase("chatwootBaseUrl", "\"https://chatwoot.example.com/#top\"", "chatwootBaseUrl has a fragment (#...)" + BaseUrlRule)]
    [TestCase("chatwootBaseUrl", "\"https://user:pass@chatwoot.example.com\"", "chatwootBaseUrl has user information (an '@' before the host)" + BaseUrlRule)]
    [TestCase("chatwootBaseUrl", "\"https://chat woot.example.com\"", "chatwootBaseUrl contains a space at position 13" + BaseUrlRule)]
    [TestCase("chatwootBaseUrl", "5", "chatwootBaseUrl must be a string")]
    [TestCase("chatwootAccountId", null, "chatwootAccountId is required")]
    [TestCase("chatwootAccountId", "0", "chatwootAccountId must be an integer greater than 0 (it is 0)")]
    [TestCase("chatwootAccountId", "-3", "chatwootAccountId must be an integer greater than 0 (it is -3)")]
    [TestCase("chatwootAccountId", "\"5\"", "chatwootAccountId must be an integer")]
    [TestCase("chatwootAccountId", "1.5", "chatwootAccountId must be an integer")]
    [TestCase("chatwootApiToken", null, "chatwootApiToken is required")]
    [TestCase("chatwootApiToken", "null", "chatwootApiToken is required")]
    [TestCase("chatwootApiToken", "\"\"", "chatwootApiToken is empty - copy the access token from your Chatwoot profile settings")]
    [TestCase("chatwootApiToken", "\"   \"", "chatwootApiToken is only spaces - copy the access token from your Chatwoot profile settings")]
    [TestCase("chatwootApiToken", "\"abc def\"", "chatwootApiToken contains a space at position 4" + TokenRule)]
    [TestCase("chatwootApiToken", "\"<admin token>\"", "chatwootApiToken contains a space at position 7" + TokenRule)]
    [TestCase("chatwootApiToken", "\"t\u00f6ken\"", "chatwootApiToken contains a character that is not ASCII (U+00F6) at position 2" + TokenRule)]
    [TestCase("inboxName", "\"\"", "inboxName is empty - give a name or leave the field out")]
    [TestCase("inboxName", "\"  \"", "inboxName is only spaces - give a name or leave the field out")]
    [TestCase("inboxName", "7", "inboxName must be a string")]
    [TestCase("signMessages", "\"yes\"", "signMessages must be a boolean (true or false)")]
    [TestCase("ignoreGroups", "1", "ignoreGroups must be a boolean (true or false)")]
    [TestCase("startAsPending", "\"true\"", "startAsPending must be a boolean (true or false)")]
    [TestCase("reopenResolved", "0", "reopenResolved must be a boolean (true or false)")]
    public async Task Activate_InvalidField_Is400NamingTheField(string field, string? json, string problem)
    {
        // Arrange
        var body = ValidBody();
        if (json is null)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = JsonNode.Parse(json);
        }

        // Act
        var response = await ActivateAsync(body);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: " + problem);
        await AssertNothingReachedChatwootOrTheDatabaseAsync();
    }

    [Test]
    public async Task Activate_TooLongValues_Is400NamingEachField()
    {
        // Arrange
        var body = ValidBody();
        body["chatwootApiToken"] = new string('t', 1025);
        body["inboxName"] = new string('n', 256);

        // Act
        var response = await ActivateAsync(body);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest,
            "invalid body: chatwootApiToken is too long: 1025 characters, at most 1024; inboxName is too long: 256 characters, at most 255");
        await AssertNothingReachedChatwootOrTheDatabaseAsync();
    }

    [Test]
    public async Task Activate_EmptyObject_Is400NamingEveryRequiredField()
    {
        // Act
        var response = await ActivateAsync([]);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest,
            "invalid body: chatwootBaseUrl is required; chatwootAccountId is required; chatwootApiToken is required");
        await AssertNothingReachedChatwootOrTheDatabaseAsync();
    }

    [Test]
    public async Task Activate_MalformedJson_Is400()
    {
        // Act
        var response = await PostRawAsync("{\"chatwootBaseUrl\": ", "application/json");

        // Assert
        await response.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, "invalid body: malformed JSON");
        await AssertNothingReachedChatwootOrTheDatabaseAsync();
    }

    [Test]
    public async Task Activate_NoBody_Is400()
    {
        // Act
        var response = await PostRawAsync(string.Empty, "application/json");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: a JSON object is required");
        await AssertNothingReachedChatwootOrTheDatabaseAsync();
    }

    [Test]
    public async Task Activate_ArrayBody_Is400()
    {
        // Act
        var response = await PostRawAsync("[]", "application/json");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: the body must be a JSON object");
        await AssertNothingReachedChatwootOrTheDatabaseAsync();
    }

    [Test]
    public async Task Activate_NotJsonContentType_Is400()
    {
        // Act
        var response = await PostRawAsync(ValidBody().ToJsonString(), "text/plain");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: Content-Type must be application/json");
        await AssertNothingReachedChatwootOrTheDatabaseAsync();
    }

    [Test]
    public async Task Activate_InvalidBodyOnUnknownInstance_IsTheBody400First()
    {
        // Act: docs/api/en/README.md orders the checks body (400) before instance (404).
        var response = await ActivateAsync([], instance: "nao-existe");

        // Assert
        await response.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, "invalid body: chatwootBaseUrl is required");
        await AssertNothingReachedChatwootOrTheDatabaseAsync();
    }

    [Test]
    public async Task Activate_TooLongIdempotencyKey_Is400()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chatwoot/set/suporte")
        {
            Content = new StringContent(ValidBody().ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", new string('k', 256));

        // Act
        var response = await Account.SendAsync(request);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest,
            "invalid body: the Idempotency-Key header is too long: 256 characters, at most 255");
        await AssertNothingReachedChatwootOrTheDatabaseAsync();
    }

    private async Task AssertNothingReachedChatwootOrTheDatabaseAsync()
    {
        Assert.That(Chatwoot.Requests, Is.Empty);
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    private Task<HttpResponseMessage> PostRawAsync(string content, string mediaType) =>
        Account.PostAsync("/api/chatwoot/set/suporte", new StringContent(content, Encoding.UTF8, mediaType));
}
