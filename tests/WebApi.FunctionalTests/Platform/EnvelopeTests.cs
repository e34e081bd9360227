using System.Text;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

public sealed class EnvelopeTests : ApiTestBase
{
    protected override Task BeforeEachAsync() => CreateInstanceAsync("suporte");

    [Test]
    public async Task MalformedJson_OnActivation_Is400SayingWhereFromOneAndWhatWasExpected()
    {
        // Arrange: a comma missing between two properties.
        const string body = "{\"chatwootBaseUrl\": \"https://chatwoot.example.com\" \"chatwootAccountId\": 5}";

        // Act
        var response = await Account.PostAsync("/api/chatwoot/set/suporte", Json(body));

        // Assert
        await response.AssertErrorAsync(
            HttpStatusCode.BadRequest, "invalid body: malformed JSON at line 1, column 52: expected ',', '}' or ']' after a value, found '\"'");
    }

    [Test]
    public async Task MalformedJson_OnInstanceCreation_CountsLinesFromOne()
    {
        // Arrange: the third line lacks the ':' after its property name.
        const string body = "{\n  \"name\": \"vendas\",\n  \"token\" \"x-0123456789\"\n}";

        // Act
        var response = await Account.PostAsync("/api/instance/new", Json(body));

        // Assert
        await response.AssertErrorAsync(
            HttpStatusCode.BadRequest, "invalid body: malformed JSON at line 3, column 11: expected ':' after a property name, found '\"'");
    }

    [Test]
    public async Task UnfinishedJson_Is400SayingTheBodyEndsTooEarly()
    {
        // Act
        var response = await Account.PostAsync("/api/chatwoot/set/suporte", Json("{\"chatwootBaseUrl\": "));

        // Assert
        await response.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, "invalid body: malformed JSON at line 1, column ");
    }

    [Test]
    public async Task WrongTypes_Are400NamingTheField()
    {
        // Act
        var number = await Account.PostAsync("/api/chatwoot/set/suporte", Json("{\"chatwootAccountId\": \"5\"}"));
        var boolean = await Account.PostAsync("/api/chatwoot/set/suporte", Json("{\"signMessages\": \"yes\"}"));
        var array = await Account.PostAsync("/api/chatwoot/set/suporte", Json("[1, 2]"));

        // Assert
        await number.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: chatwootAccountId must be an integer");
        await boolean.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: signMessages must be a boolean (true or false)");
        await array.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: the body must be a JSON object");
    }

    [Test]
    public async Task WrongContentTypeOrNoBody_Is400InvalidBody()
    {
        // Act
        var form = await Account.PostAsync("/api/chatwoot/set/suporte", new StringContent("a=b", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var empty = await Account.PostAsync("/api/chatwoot/set/suporte", Json(string.Empty));

        // Assert
        await form.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: Content-Type must be application/json");
        await empty.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: a JSON object is required");
    }

    [Test]
    public async Task UnknownRouteAndWrongMethod_AnswerInTheEnvelope()
    {
        // Act
        var unknown = await Account.GetAsync("/api/chatwoot/unknown");
        var method = await Account.PutAsync("/api/instance/list", Json("{}"));

        // Assert
        await unknown.AssertErrorAsync(HttpStatusCode.NotFound, "not found: GET /api/chatwoot/unknown is not an endpoint of this API - see /swagger");
        await method.AssertErrorAsync(HttpStatusCode.MethodNotAllowed, "method not allowed: PUT is not accepted on /api/instance/list - see /swagger");
    }

    [Test]
    public async Task BodyErrors_ComeBeforeTheInstanceCheck()
    {
        // Act
        var response = await Account.PostAsync("/api/chatwoot/set/nao-existe", Json("{}"));

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: chatwootBaseUrl is required; chatwootAccountId is required; chatwootApiToken is required");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
