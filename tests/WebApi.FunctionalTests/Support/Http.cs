using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>Small helpers to call the API and read its answers.</summary>
public static class Http
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    /// <summary>Asserts the status and that the body is exactly the error envelope with <paramref name="message"/>.</summary>
    public static async Task AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var envelope = JsonNode.Parse(body)!.AsObject();
        Assert.That(envelope.Select(p => p.Key), Is.EquivalentTo(new[] { "success", "error" }), body);
        Assert.That(envelope["success"]!.GetValue<bool>(), Is.False);
        Assert.That(envelope["error"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "message" }), body);
        Assert.That(envelope["error"]!["message"]!.GetValue<string>(), Is.EqualTo(message));
    }

    /// <summary>As <see cref="AssertErrorAsync"/>, for messages whose detail varies: checks the start.</summary>
    public static async Task<string> AssertErrorStartsWithAsync(this HttpResponseMessage response, HttpStatusCode status, string prefix)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        var envelope = JsonNode.Parse(body)!.AsObject();
        Assert.That(envelope.Select(p => p.Key), Is.EquivalentTo(new[] { "success", "error" }), body);
        var message = envelope["error"]!["message"]!.GetValue<string>();
        Assert.That(message, Does.StartWith(prefix), body);
        return message;
    }

    public static string Text(this JsonNode node, string name) => node[name]!.GetValue<string>();

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
