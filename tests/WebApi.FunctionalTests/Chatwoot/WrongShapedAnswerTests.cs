namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>Every Chatwoot call of an activation (the inbox creation, then the cleanup's inbox list and delete) and of
/// the info's live check, each answered 2xx with every wrong shape: the answer is classified as not Chatwoot's
/// (400 with the reason after <c>Detail:</c>), the database is left exactly as it was, and an inbox the creation may
/// have made is looked up by its webhook URL and deleted (docs/adr/0016-strict-upstream-answers.md).</summary>
public sealed class WrongShapedAnswerTests : ChatwootTestBase
{
    private const string Secret = "s3cr3t-hmac-Zq81";
    private const string LeakedWebhook = "http://api.example/api/chatwoot/webhook/bi_x/webhook-secret-Wq72";

    private string NotFound => $"Chatwoot account or endpoint not found - verify chatwootBaseUrl ({Chatwoot.BaseUrl}) and chatwootAccountId (5). Detail: ";

    private string InboxesPath => $"/api/v1/accounts/{AccountId}/inboxes";

    /// <summary>Inbox answers that are not an inbox: (body, what RyzeApi says is wrong, the body as the detail shows it).</summary>
    public static IEnumerable<TestCaseData> InboxShapes()
    {
        const string IdReason = "the inbox id is not a positive integer";
        yield return Shape("""{"id":-5,"name":"WhatsApp"}""", IdReason, "negative id");
        yield return Shape("""{"id":0,"name":"WhatsApp"}""", IdReason, "id 0");
        yield return Shape("""{"name":"WhatsApp"}""", IdReason, "id missing");
        yield return Shape("""{"id":"7","name":"WhatsApp"}""", IdReason, "id as a string");
        yield return Shape("""{"id":7.5,"name":"WhatsApp"}""", IdReason, "fractional id");
        yield return Shape("""{"id":null,"name":"WhatsApp"}""", IdReason, "id null");
        yield return Shape("""{"id":99999999999999999999,"name":"WhatsApp"}""", IdReason, "id beyond 64 bits");
        yield return Shape("""{"id":1}""", "the inbox name is missing or not a string", "name missing");
        yield return Shape("""{"id":1,"name":42}""", "the inbox name is missing or not a string", "name as a number");
        yield return Shape("""{"id":1,"name":"WhatsApp","secret":5}""", "the inbox secret is not a string", "secret as a number");
        yield return Shape("""{"id":1,"name":"WhatsApp","webhook_url":[]}""", "the inbox webhook_url is not a string", "webhook_url as an array");
        yield return Shape("""[{"id":7,"name":"WhatsApp"}]""", "the answer is not a JSON object", "an array");
        yield return Shape("null", "the answer is not a JSON object", "JSON null");
        yield return Shape("42", "the answer is not a JSON object", "a number");
        yield return Shape("not json", "the answer is not JSON", "not JSON");
        yield return Shape("", "the answer is not JSON", "empty body");
        yield return new TestCaseData(
                $$"""{"id":-5,"name":"WhatsApp","hmac_token":"{{Secret}}","secret":"{{Secret}}","webhook_url":"{{LeakedWebhook}}"}""",
                IdReason,
                """{"id":-5,"name":"WhatsApp","hmac_token":"[redacted]","secret":"[redacted]","webhook_url":"[redacted]"}""")
            .SetArgDisplayNames("a whole inbox with a negative id, secrets redacted");
    }

    [TestCaseSource(nameof(InboxShapes))]
    public async Task Activate_CreationAnsweredWithAWrongShape_Is400StoresNothingAndLooksTheInboxUp(string answer, string reason, string shown)
    {
        // Arrange
        Chatwoot.Script(FakeFault.Json(200, answer), matching: r => r.Method == "POST");
        var before = await Database.DumpAsync();

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, $"{NotFound}{InboxesUrl} HTTP 200: {reason}: {shown}");
        Assert.That(await Database.DumpAsync(), Is.EqualTo(before), "nothing stored");
        Assert.That(await IntegrationCountAsync(), Is.Zero);
        Assert.That(Chatwoot.Requests.Select(r => $"{r.Method} {r.Path}"), Is.EqualTo(new[] { $"POST {InboxesPath}", $"GET {InboxesPath}" }),
            "the cleanup looked for an inbox with the webhook URL it sent, found none, deleted nothing");
        Assert.That(Api.Logs.All, Does.Not.Contain(Secret).And.Not.Contain("webhook-secret-Wq72"));
    }

    [TestCaseSource(nameof(InboxShapes))]
    public async Task Activate_InboxCreatedButItsAnswerHasAWrongShape_Is400AndTheInboxIsDeleted(string answer, string reason, string shown)
    {
        // Arrange: Chatwoot creates the inbox; the answer that arrives is not one.
        Chatwoot.Script(FakeFault.ReplaceAnswer(200, answer), matching: r => r.Method == "POST");
        var before = await Database.DumpAsync();

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, $"{NotFound}{InboxesUrl} HTTP 200: {reason}: {shown}");
        Assert.That(await Database.DumpAsync(), Is.EqualTo(before), "nothing stored");
        Assert.That(Chatwoot.Requests.Select(r => $"{r.Method} {r.Path}"),
            Is.EqualTo(new[] { $"POST {InboxesPath}", $"GET {InboxesPath}", $"DELETE {InboxesPath}/1" }));
        Assert.That(Chatwoot.Requests[^1].Header("api-access-token"), Is.EqualTo(AdminToken));
        Assert.That(Chatwoot.Inboxes, Is.Empty, "the inbox the unreadable answer hid is gone");
    }

    [Test]
    public async Task Activate_InboxCreatedWhileOthersExist_DeletesOnlyTheOneWithItsWebhookUrl()
    {
        // Arrange
        var other = Chatwoot.AddInbox(AccountId, "Email", webhookUrl: "https://other.example/hook");
        var unrelated = Chatwoot.AddInbox(AccountId, "Outro");
        Chatwoot.Script(FakeFault.ReplaceAnswer(200, """{"id":0}"""), matching: r => r.Method == "POST");

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, $"{NotFound}{InboxesUrl} HTTP 200: the inbox id is not a positive integer");
        Assert.That(Chatwoot.Requests.Single(r => r.Method == "DELETE").Path, Is.EqualTo($"{InboxesPath}/3"));
        Assert.That(Chatwoot.Inboxes.Select(i => i.Id), Is.EquivalentTo(new[] { other.Id, unrelated.Id }));
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    /// <summary>The cleanup's inbox list answered with a wrong shape: the activation still answers the creation's
    /// 400, the inbox is left (and said so in the log), nothing is stored.</summary>
    [TestCase("""{"payload":{}}""", "the inbox list's payload is not an array")]
    [TestCase("""{"data":[]}""", "the inbox list's payload is not an array")]
    [TestCase("""[]""", "the answer is not a JSON object")]
    [TestCase("null", "the answer is not a JSON object")]
    [TestCase("<html>ok</html>", "the answer is not JSON")]
    public async Task Activate_CleanupListAnsweredWithAWrongShape_IsStill400AndLogsThePossibleOrphan(string listAnswer, string reason)
    {
        // Arrange
        Chatwoot.Script(FakeFault.ReplaceAnswer(200, """{"id":-5,"name":"WhatsApp"}"""), matching: r => r.Method == "POST");
        Chatwoot.Script(FakeFault.Json(200, listAnswer), matching: r => r.Method == "GET");
        var before = await Database.DumpAsync();

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest,
            $"{NotFound}{InboxesUrl} HTTP 200: the inbox id is not a positive integer: " + """{"id":-5,"name":"WhatsApp"}""");
        Assert.That(await Database.DumpAsync(), Is.EqualTo(before));
        Assert.That(Chatwoot.Requests.Any(r => r.Method == "DELETE"), Is.False);
        Assert.That(Api.Logs.Lines, Has.Some.Contains("an inbox it may have created could not be looked up")
            .And.Contains($"{InboxesUrl} HTTP 200: {reason}"));
    }

    [TestCase("not json")]
    [TestCase("[]")]
    [TestCase("null")]
    public async Task Activate_CleanupDeleteAnsweredWithAWrongShape_IsStill400AndLogsTheOrphan(string deleteAnswer)
    {
        // Arrange
        Chatwoot.Script(FakeFault.ReplaceAnswer(200, """{"id":0,"name":"WhatsApp"}"""), matching: r => r.Method == "POST");
        Chatwoot.Script(FakeFault.Json(200, deleteAnswer), matching: r => r.Method == "DELETE");
        var before = await Database.DumpAsync();

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, $"{NotFound}{InboxesUrl} HTTP 200: the inbox id is not a positive integer");
        Assert.That(await Database.DumpAsync(), Is.EqualTo(before));
        Assert.That(Chatwoot.Requests.Count(r => r.Method == "DELETE"), Is.EqualTo(1));
        Assert.That(Api.Logs.Lines, Has.Some.Contains("Chatwoot inbox 1 at").And.Contains("is left orphaned")
            .And.Contains($"{InboxesUrl}/1 HTTP 200: "));
    }

    [TestCaseSource(nameof(InboxShapes))]
    public async Task Info_LiveCheckAnsweredWithAWrongShape_Is200WithTheStoredValuesAndChangesNothing(string answer, string reason, string shown)
    {
        // Arrange
        var bridgeId = await ActivateOkAsync();
        Chatwoot.ScriptAlways(FakeFault.Json(200, answer), matching: r => r.Method == "GET");
        var before = await Database.DumpAsync();

        // Act
        var response = await InfoAsync();

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var info = await response.JsonAsync();
        Assert.That(info.Text("status"), Is.EqualTo("active"));
        Assert.That(info.Text("last_error"), Is.Empty);
        Assert.That(info.Text("bridge_integration_id"), Is.EqualTo(bridgeId));
        Assert.That(await Database.DumpAsync(), Is.EqualTo(before), "the stored values are kept");
        Assert.That(Api.Logs.Lines, Has.Some.Contains($"Live check of {bridgeId} inconclusive: {NotFound}{InboxesUrl}/1 HTTP 200: {reason}: {shown}"));
    }

    [Test]
    public async Task Info_LiveCheckAnsweredWithAnotherInbox_IsInconclusive()
    {
        // Arrange
        var bridgeId = await ActivateOkAsync();
        Chatwoot.ScriptAlways(FakeFault.Json(200, """{"id":2,"name":"Outra"}"""), matching: r => r.Method == "GET");
        var before = await Database.DumpAsync();

        // Act
        var response = await InfoAsync();

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.JsonAsync()).Text("status"), Is.EqualTo("active"));
        Assert.That(await Database.DumpAsync(), Is.EqualTo(before));
        Assert.That(Api.Logs.Lines, Has.Some.Contains($"{InboxesUrl}/1 HTTP 200: the answer is inbox 2, not inbox 1: "));
    }

    private static TestCaseData Shape(string answer, string reason, string name) =>
        new TestCaseData(answer, reason, answer).SetArgDisplayNames(name);
}
