using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

public sealed class HealthAndSwaggerTests : ApiTestBase
{
    [Test]
    public async Task Health_LiveAndReady_AreHealthyWithTheDatabaseUp()
    {
        // Arrange
        using var anonymous = Api.CreateClient();

        // Act
        var live = await anonymous.GetAsync("/health/live");
        var ready = await anonymous.GetAsync("/health/ready");

        // Assert
        Assert.That((live.StatusCode, await live.Content.ReadAsStringAsync()), Is.EqualTo((HttpStatusCode.OK, "Healthy")));
        Assert.That((ready.StatusCode, await ready.Content.ReadAsStringAsync()), Is.EqualTo((HttpStatusCode.OK, "Healthy")));
    }

    [Test]
    public async Task Swagger_EveryResponseOfEveryOperation_HasAJsonBodyWithAnExample()
    {
        // Arrange
        using var anonymous = Api.CreateClient();

        // Act
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/swagger/v1/swagger.json"))!;

        // Assert
        var missing = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject())
                {
                    var json = response!["content"]?["application/json"];
                    if (json?["schema"] is null || (json["example"] is null && json["examples"] is null))
                    {
                        missing.Add($"{method.ToUpperInvariant()} {path} {status}");
                    }
                }
            }
        }

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public async Task Swagger_ServesUiAndDocumentWithTheTokenScheme()
    {
        // Arrange
        using var anonymous = Api.CreateClient();

        // Act
        var ui = await anonymous.GetAsync("/swagger/index.html");
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/swagger/v1/swagger.json"))!;

        // Assert
        Assert.That(ui.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var scheme = document["components"]!["securitySchemes"]!["token"]!;
        Assert.That((scheme.Text("type"), scheme.Text("in"), scheme.Text("name")), Is.EqualTo(("apiKey", "header", "token")));
        var activate = document["paths"]!["/api/chatwoot/set/{instance}"]!["post"]!;
        Assert.That(activate.Text("operationId"), Is.EqualTo("ActivateChatwoot"));
        Assert.That(activate["responses"]!.AsObject().Select(r => r.Key),
            Is.SupersetOf(new[] { "201", "400", "401", "403", "404", "409", "429", "500", "502", "503" }));
        Assert.That(activate["responses"]!["401"]!["content"]!["application/json"]!["example"]!["error"]!.Text("message"),
            Does.StartWith("Chatwoot rejected the API token - verify chatwootApiToken. Detail: "));
    }

    [Test]
    public async Task Swagger_CanBeTurnedOff()
    {
        // Arrange
        await using var api = ApiFactory.Create(Database.ConnectionString, new Dictionary<string, string?> { ["Swagger:Enabled"] = "false" });
        using var anonymous = api.CreateClient();

        // Act
        var response = await anonymous.GetAsync("/swagger/v1/swagger.json");

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
