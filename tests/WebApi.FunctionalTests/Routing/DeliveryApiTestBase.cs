using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>The delivery API against routing end to end: helpers to make a delivery fail for good, list deliveries and
/// retry them.</summary>
public abstract class DeliveryApiTestBase : RoutingTestBase
{
    protected const string TooLong = """{"message":"Content is too long","attributes":["content"]}""";

    protected static bool IsMessagePost(RecordedRequest r) => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal);

    /// <summary>A contact's second message, refused by Chatwoot with <paramref name="fault"/> (a 422 by default); returns it
    /// once its delivery is failed.</summary>
    protected async Task<EngineChatMessage> FailedMessageAsync(FakeFault? fault = null)
    {
        await ContactWritesAsync("primeira");
        await SettledAsync();
        Chatwoot.Script(fault ?? FakeFault.Json(422, TooLong), 1, IsMessagePost);
        var message = EngineEvents.Text(ContactJid, "segunda", "João Silva");
        await PostEventExpectingAsync(message.ToJson());
        await Eventually.WaitAsync(
            () => Database.ScalarAsync<long>($"SELECT count(*) FROM outbox WHERE status = 'failed' AND dedupe_key = 'wa:{message.Id}'"),
            n => n == 1, "the failed delivery");
        return message;
    }

    protected async Task<JsonNode> ListOkAsync(string query = "", HttpClient? client = null)
    {
        using var response = await ListAsync(query, client);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!;
    }

    protected Task<HttpResponseMessage> ListAsync(string query = "", HttpClient? client = null, string instance = Instance) =>
        (client ?? Account).GetAsync($"/api/chatwoot/deliveries/{instance}{query}");

    protected Task<HttpResponseMessage> RetryAsync(object body, HttpClient? client = null, string instance = Instance) =>
        (client ?? Account).PostJsonAsync($"/api/chatwoot/deliveries/{instance}/retry", body);

    protected async Task<JsonNode> RetryOkAsync(object body, HttpClient? client = null)
    {
        using var response = await RetryAsync(body, client);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    protected static long[] Ids(JsonNode node, string name) => [.. node[name]!.AsArray().Select(n => n!.GetValue<long>())];

    protected static async Task<long> DeliveryIdAsync(string whatsAppId) =>
        await Database.ScalarAsync<long>($"SELECT id FROM outbox WHERE dedupe_key = 'wa:{whatsAppId}'");

    protected int ChatwootCopiesOf(string whatsAppId) => Chatwoot.Messages.Count(m => m.SourceId == "WAID:" + whatsAppId);
}
