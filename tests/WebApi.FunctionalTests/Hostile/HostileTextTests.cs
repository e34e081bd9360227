using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Hostile;

/// <summary>Hostile text in every string field of every endpoint with a JSON body (docs/adr/0014-hostile-text.md):
/// a lone surrogate or bytes that are not UTF-8 answer 400 <c>invalid body: …</c> naming the field (where there is
/// one) and store nothing; a NUL is refused naming the field where a user typed it, and stripped where an engine or
/// Chatwoot sent it, the rest of the text arriving whole. Paths and the list filter refuse a NUL before PostgreSQL.</summary>
public sealed partial class HostileTextTests : RoutingTestBase
{
    private const string NotText = " is not valid text: it contains a lone UTF-16 surrogate (an escape from \\uD800 to \\uDFFF without its pair); send the text as UTF-8";
    private const string TextContent = "Ola mundo";
    private const string ContactName = "Joao Silva";
    private const string WebhookNotFound = "webhook not found - the integration was deactivated or replaced; activate it again to get a new webhook URL";

    private static readonly string[] ActivationFields = ["chatwootBaseUrl", "chatwootApiToken", "inboxName"];
    private static readonly string[] CreationFields = ["name", "token", "chatwootBaseUrl", "chatwootApiToken", "chatwootInboxName"];
    private static readonly string[] MessageFields =
    [
        "event", "data.message.id", "data.message.type", "data.message.chat.jid", "data.message.chat.name",
        "data.message.sender.jid", "data.message.sender.name", "data.message.content.text",
    ];

    private static readonly string[] StatusFields = ["data.message.id", "data.message.status"];
    private static readonly string[] WebhookFields = ["event", "message_type", "content", "sender.name", "conversation.status"];

    private FakeConversation _conversation = null!;
    private HttpClient _engineClient = null!;

    public static IEnumerable<TestCaseData> UserTypedCases() =>
        from kind in Enum.GetValues<HostileText>()
        from c in ActivationFields.Select(f => ("activation", f)).Concat(CreationFields.Select(f => ("creation", f)))
        select new TestCaseData(c.Item1, c.Item2, kind).SetArgDisplayNames(c.Item1, c.Item2, kind.ToString());

    public static IEnumerable<TestCaseData> RefusedIngressCases() =>
        from kind in new[] { HostileText.Surrogate, HostileText.InvalidUtf8 }
        from c in MessageFields.Select(f => ("message", f))
            .Concat(StatusFields.Select(f => ("status", f)))
            .Concat(WebhookFields.Select(f => ("webhook", f)))
            .Append(("webhook-status", "status"))
        select new TestCaseData(c.Item1, c.Item2, kind).SetArgDisplayNames(c.Item1, c.Item2, kind.ToString());

    [TestCaseSource(nameof(UserTypedCases))]
    public async Task UserTypedField_Is400NamingTheField_AndStoresNothing(string endpoint, string field, HostileText kind)
    {
        // Arrange
        await ArrangeAsync();
        var (url, json) = endpoint == "activation" ? ($"/api/chatwoot/set/{Instance}", ActivationBody()) : ("/api/instance/new", CreationBody());
        var body = HostileJson.Corrupt(json, field, kind);
        var before = await Database.DumpAsync();
        var inboxes = Chatwoot.Inboxes.Count;

        // Act
        using var response = await Account.SendAsync(Post(url, body));

        // Assert
        await AssertRefusedAsync(response, body, field, kind);
        Assert.That(await Database.DumpAsync(), Is.EqualTo(before), "the database is unchanged");
        Assert.That(Chatwoot.Inboxes, Has.Count.EqualTo(inboxes), "no inbox was created in Chatwoot");
    }

    [TestCaseSource(nameof(RefusedIngressCases))]
    public async Task IngressField_SurrogateOrNotUtf8_Is400NamingTheField_AndStoresNothing(string payload, string field, HostileText kind)
    {
        // Arrange
        await ArrangeAsync();
        var body = HostileJson.Corrupt(IngressBody(payload), field, kind);
        var before = await Database.DumpAsync();

        // Act
        using var response = payload.StartsWith("webhook", StringComparison.Ordinal)
            ? await PostWebhookBytesAsync(Inbox.WebhookUrl!, body, Inbox.Secret)
            : await EventsClient().SendAsync(Post($"/api/chatwoot/events/{Instance}", body));

        // Assert
        await AssertRefusedAsync(response, body, field, kind);
        await SettledAsync();
        Assert.That(await Database.DumpAsync(), Is.EqualTo(before), "the database is unchanged");
    }

    [TestCase(HostileText.Surrogate)]
    [TestCase(HostileText.InvalidUtf8)]
    public async Task Webhook_WrongSecretOrSignature_AnswersBeforeTheBodyIsJudged(HostileText kind)
    {
        // Arrange
        await ArrangeAsync();
        var body = HostileJson.Corrupt(IngressBody("webhook"), "content", kind);
        var url = Inbox.WebhookUrl!;
        var before = await Database.DumpAsync();

        // Act
        using var wrongSecret = await PostWebhookBytesAsync(url[..(url.LastIndexOf('/') + 1)] + new string('A', 43), body, Inbox.Secret);
        using var wrongSignature = await PostWebhookBytesAsync(url, body, Inbox.Secret + "x");

        // Assert
        await wrongSecret.AssertErrorAsync(HttpStatusCode.NotFound, WebhookNotFound);
        await wrongSignature.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid webhook signature: X-Chatwoot-Signature does not match the body");
        Assert.That(await Database.DumpAsync(), Is.EqualTo(before));
    }

    [TearDown]
    public void DisposeEngineClient() => _engineClient?.Dispose();

    private static async Task AssertRefusedAsync(HttpResponseMessage response, byte[] body, string field, HostileText kind)
    {
        switch (kind)
        {
            case HostileText.Surrogate:
                await response.AssertErrorAsync(HttpStatusCode.BadRequest, "invalid body: " + field + NotText);
                break;
            case HostileText.InvalidUtf8:
                await response.AssertErrorAsync(HttpStatusCode.BadRequest,
                    $"invalid body: the body is not valid UTF-8 (byte 0xFF at offset {HostileJson.InvalidByteOffset(body)}); JSON must be sent as UTF-8");
                break;
            default:
                await response.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, $"invalid body: {field} contains a control character (U+0000) at position ");
                break;
        }
    }

    // Routing is active and a contact's conversation exists; the system is at rest before the hostile request.
    private async Task ArrangeAsync()
    {
        _engineClient = Api.CreateClientWithToken(InstanceToken);
        await ActivateRoutingAsync();
        _conversation = await ContactWritesAsync("Ola", ContactJid);
        await SettledAsync();
    }

    private string ActivationBody()
    {
        var body = ValidBody();
        body["inboxName"] = "Suporte WhatsApp";
        return body.ToJsonString();
    }

    private string CreationBody() => new JsonObject
    {
        ["name"] = "vendas",
        ["chatwootEnabled"] = true,
        ["token"] = "vendas-token-0123456789",
        ["chatwootBaseUrl"] = Chatwoot.BaseUrl,
        ["chatwootAccountId"] = AccountId,
        ["chatwootApiToken"] = AdminToken,
        ["chatwootInboxName"] = "Vendas",
    }.ToJsonString();

    private string IngressBody(string payload) => payload switch
    {
        "message" => EngineEvents.Text(ContactJid, TextContent, ContactName).ToJson(),
        "status" => EngineEvents.Status(EngineEvents.NewMessageId(), "read"),
        "webhook-status" => new JsonObject
        {
            ["event"] = "conversation_status_changed", ["id"] = _conversation.Id, ["status"] = "pending",
        }.ToJsonString(),
        _ => new JsonObject
        {
            ["event"] = "message_created",
            ["id"] = 900001,
            ["message_type"] = "outgoing",
            ["private"] = false,
            ["content"] = TextContent,
            ["sender"] = new JsonObject { ["name"] = "Maria" },
            ["conversation"] = new JsonObject { ["id"] = _conversation.Id, ["status"] = "open" },
        }.ToJsonString(),
    };

    private HttpClient EventsClient() => _engineClient;

    private HttpRequestMessage PathRequest(string method, string template, string name)
    {
        var path = string.Format(CultureInfo.InvariantCulture, template, name);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent(
                path.Contains("events", StringComparison.Ordinal) ? EngineEvents.Text(ContactJid, TextContent).ToJson() : ValidBody().ToJsonString(),
                Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static HttpRequestMessage Post(string url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    // As Chatwoot 4.13+ signs: HMAC-SHA256 of "<timestamp>.<body>" over the exact bytes sent.
    private static async Task<HttpResponseMessage> PostWebhookBytesAsync(string url, byte[] body, string secret)
    {
        using var client = new HttpClient();
        using var request = Post(url, body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        request.Headers.Add("X-Chatwoot-Timestamp", timestamp);
        request.Headers.Add("X-Chatwoot-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
