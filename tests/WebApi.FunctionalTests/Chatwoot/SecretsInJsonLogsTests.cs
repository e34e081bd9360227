using System.Diagnostics;
using System.Text;
using System.Text.Json;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>The JSON console format (docs/operations.md, "Logs"), read from the real process's standard output: every
/// line is one JSON object; a line written within a request or a delivery carries that trace's id (a delivery's is the
/// one of the request that recorded it); no line holds a secret, at any level an operator may turn on for RyzeApi and
/// its HTTP clients.</summary>
public sealed class SecretsInJsonLogsTests : ApiProcessTestBase
{
    private const string ContactJid = "5511999999999@s.whatsapp.net";

    [Test]
    public async Task JsonLogs_OfActivationRoutingBothWaysAndRefusals_ParseCarryTraceIdsAndHoldNoSecret()
    {
        // Arrange
        var api = await StartApiAsync(FreeBaseUrl(), new Dictionary<string, string?>
        {
            ["Logging:Console:FormatterName"] = "json",
            ["Logging:LogLevel:Default"] = "Trace",
            // A provider's own level, as ordinary as Information, outranks every category rule of appsettings.json; the
            // host's request logger (its scope holds the request path) must stay off all the same.
            ["Logging:Console:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["Logging:LogLevel:Polly"] = "Trace",
        });
        await ActivateAsync(api);
        var inbox = Chatwoot.Inboxes.Single();
        var webhookSecret = inbox.WebhookUrl!.Split('/')[^1];
        var inbound = ActivityTraceId.CreateRandom();
        var message = EngineEvents.Text(ContactJid, "Olá", "João Silva");

        // Act: a WhatsApp message recorded by a request in a trace of the caller's
        using (var client = api.CreateClient())
        using (new Activity("engine posts an event").SetParentId(inbound, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            await PostEventAsync(client, message.ToJson());
        }

        var landed = (await Chatwoot.WaitForMessagesAsync(1, m => m.SourceId == "WAID:" + message.Id, Eventually.Deadline)).Single();

        // an agent's reply, whose webhook Chatwoot sends within a trace of its own
        ActivityTraceId outbound;
        using (var webhook = new Activity("chatwoot webhook").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            outbound = webhook.TraceId;
            using var answer = await Chatwoot.SendAgentReplyAsync(landed.ConversationId, "Posso ajudar?", "Ana");
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await Engine.WaitForSendsAsync(1, Eventually.Deadline);

        // refusals: an unsigned call to the webhook's URL, a wrong token
        using (var client = new HttpClient())
        using (var unsigned = await client.PostAsync(inbox.WebhookUrl, new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using (var wrong = api.CreateClient("not-a-token-4Kq8"))
        using (var refused = await wrong.GetAsync($"/api/chatwoot/list/{Instance}"))
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        await Eventually.UntilAsync(() => api.LinesContaining("answered 401").Count >= 2, "both refusals logged", Eventually.Deadline);

        // Assert
        var lines = api.LinesContaining(string.Empty).Select(Parse).ToList();
        var all = string.Join('\n', lines.Select(l => l.Raw));
        Assert.That(all, Does.Not.Contain(AdminToken), "the Chatwoot API token");
        Assert.That(all, Does.Not.Contain(ApiFactory.AccountToken), "the TokenAccount");
        Assert.That(all, Does.Not.Contain(InstanceToken), "the TokenInstance");
        Assert.That(all, Does.Not.Contain(Engine.Token), "the engine's token");
        Assert.That(all, Does.Not.Contain(webhookSecret), "the webhook secret");
        Assert.That(all, Does.Not.Contain(inbox.Secret), "the inbox signing secret");

        var calls = lines.Where(l => l.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal)).ToList();
        var answers = lines.Where(l => l.Category == "RyzeApi.WebApi.Hosting.RequestOutcomeLogging").ToList();
        Assert.That(calls, Is.Not.Empty);
        Assert.That(answers, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(calls.Concat(answers).Where(l => l.TraceId is null).Select(l => l.Raw), Is.Empty,
            "every line written within a request or a delivery carries its trace id");
        Assert.That(calls.Where(l => l.TraceId == inbound.ToString()).Select(l => l.Message), Has.Some.Contains($"/conversations/{landed.ConversationId}/messages"),
            "the delivery to Chatwoot logs within the trace of the event's request");
        Assert.That(calls.Where(l => l.TraceId == outbound.ToString()).Select(l => l.Message), Has.Some.Contains($"/api/message/text/{Instance}"),
            "the send to the engine logs within the trace of the webhook");
    }

    /// <summary>One line as the JSON console formatter writes it; the trace id is in the activity's scope.</summary>
    private static LogLine Parse(string raw)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(raw).RootElement;
        }
        catch (JsonException exception)
        {
            Assert.Fail($"not a JSON line ({exception.Message}): {raw}");
            throw;
        }

        Assert.That(root.ValueKind, Is.EqualTo(JsonValueKind.Object), raw);
        string? traceId = null;
        if (root.TryGetProperty("Scopes", out var scopes))
        {
            traceId = scopes.EnumerateArray()
                .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _))
                .Select(s => s.GetProperty("TraceId").GetString())
                .FirstOrDefault();
        }

        return new LogLine(raw, root.GetProperty("Category").GetString()!, root.GetProperty("Message").GetString() ?? string.Empty, traceId);
    }

    private sealed record LogLine(string Raw, string Category, string Message, string? TraceId);
}
