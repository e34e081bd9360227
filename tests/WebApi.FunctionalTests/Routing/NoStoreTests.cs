using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary><c>Cache-Control: no-store</c> on every answer that carries a secret, found by looking: each endpoint's
/// success answers are checked for every secret the test knows (the tokens, the Chatwoot API token, the webhook
/// secret), so an answer that starts to carry one without the header fails here.</summary>
public sealed class NoStoreTests : RoutingTestBase
{
    [Test]
    public async Task EverySuccessAnswer_CarryingASecret_IsNoStore_AndOnlyThose()
    {
        // Arrange: every operation's success, in an order that keeps each possible.
        var answers = new List<(string Operation, HttpResponseMessage Response)>();
        async Task Record(string operation, Task<HttpResponseMessage> call)
        {
            var response = await call;
            await response.Content.LoadIntoBufferAsync();
            Assert.That((int)response.StatusCode, Is.InRange(200, 299), $"{operation}: {await response.Content.ReadAsStringAsync()}");
            answers.Add((operation, response));
        }

        using var idempotent = new HttpRequestMessage(HttpMethod.Post, $"/api/chatwoot/set/{Instance}") { Content = JsonContent.Create(ValidBody()) };
        idempotent.Headers.Add("Idempotency-Key", "no-store-test-key");
        using var replay = new HttpRequestMessage(HttpMethod.Post, $"/api/chatwoot/set/{Instance}") { Content = JsonContent.Create(ValidBody()) };
        replay.Headers.Add("Idempotency-Key", "no-store-test-key");

        // Act
        await Record("CreateInstance", Account.PostAsJsonAsync("/api/instance/new", new { name = "vendas" }));
        await Record("ListInstances", Account.GetAsync("/api/instance/list"));
        await Record("ActivateChatwoot", Account.SendAsync(idempotent));
        await Record("ActivateChatwoot (idempotent replay)", Account.SendAsync(replay));
        await Record("GetChatwootIntegration", InfoAsync());
        var (webhookUrl, inboxSecret) = (Inbox.WebhookUrl!, Inbox.Secret);
        var message = EngineEvents.Text(ContactJid, "olá", "João");
        await Record("ReceiveEngineEvent", EngineEvents.PostAsync(Api.CreateClient(), Instance, InstanceToken, message.ToJson()));
        var conversation = Chatwoot.FindConversation((await WaitForChatwootMessageAsync(message.Id)).ConversationId)!;
        await Record("ReceiveChatwootWebhook", Chatwoot.SendAgentReplyAsync(conversation.Id, "resposta", "Maria"));
        await Record("DeactivateChatwoot", DeactivateAsync());
        await Record("DeleteInstance", Account.DeleteAsync("/api/instance/delete/vendas"));
        await Record("CreateInstance with inline activation", Account.PostAsJsonAsync("/api/instance/new", new JsonObject
        {
            ["name"] = "inline",
            ["chatwootEnabled"] = true,
            ["chatwootBaseUrl"] = Chatwoot.BaseUrl,
            ["chatwootAccountId"] = AccountId,
            ["chatwootApiToken"] = AdminToken,
        }));

        // Assert
        var issued = new List<string>();
        foreach (var (_, response) in answers.Where(a => a.Operation.StartsWith("CreateInstance", StringComparison.Ordinal)))
        {
            issued.Add((await response.JsonAsync())["instance"]!.Text("token"));
        }

        string[] secrets = [ApiFactory.AccountToken, InstanceToken, .. issued, AdminToken, webhookUrl.Split('/')[^1], inboxSecret];
        var carrying = new List<string>();
        foreach (var (operation, response) in answers)
        {
            var body = await response.Content.ReadAsStringAsync();
            var hasSecret = secrets.Any(s => body.Contains(s, StringComparison.Ordinal));
            if (hasSecret)
            {
                carrying.Add(operation);
            }

            Assert.That(response.Headers.CacheControl?.NoStore ?? false, Is.EqualTo(hasSecret), $"{operation}: Cache-Control {response.Headers.CacheControl}");
            response.Dispose();
        }

        Assert.That(carrying, Is.EqualTo(new[] { "CreateInstance", "GetChatwootIntegration", "CreateInstance with inline activation" }));
    }
}
