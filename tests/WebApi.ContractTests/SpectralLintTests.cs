using System.Text.Json.Nodes;
using RyzeApi.WebApi.ContractTests.Support;

namespace RyzeApi.WebApi.ContractTests;

/// <summary>Spectral (spectral:oas plus the rules in tools/contract/.spectral.yaml) over the committed document.</summary>
public sealed class SpectralLintTests
{
    [Test]
    public async Task CommittedDocument_HasNoLintErrorsOrWarnings()
    {
        // Act
        var findings = await LintAsync(Repository.OpenApiDocument, "committed");

        // Assert
        Assert.That(findings, Is.Empty);
    }

    [Test]
    public async Task Ruleset_FlagsEachBrokenRuleOfOurs()
    {
        // Arrange: the committed document, broken once for each rule of ours.
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Repository.OpenApiDocument))!;
        var paths = document["paths"]!;
        paths["/api/chatwoot/set/{instance}"]!["post"]!.AsObject().Remove("operationId");
        paths["/api/instance/delete/{instance}"]!["delete"]!["operationId"] = "delete_instance";
        var info = paths["/api/chatwoot/list/{instance}"]!["get"]!["responses"]!;
        info["200"]!["content"]!["application/json"]!.AsObject().Remove("example");
        info["404"]!["content"]!["application/json"]!["schema"] = new JsonObject { ["type"] = "object" };
        info["503"]!.AsObject().Remove("content");
        paths["/api/instance/new"]!["post"]!["requestBody"]!["content"]!["application/json"]!.AsObject().Remove("example");
        var list = paths["/api/instance/list"]!["get"]!["responses"]!;
        list["200"]!["headers"]!.AsObject().Remove("X-RateLimit-Reset");
        list["429"]!["headers"]!.AsObject().Remove("Retry-After");
        document["components"]!["schemas"]!["ChatwootInfoResponse"]!["properties"]!["chatwoot_inbox_id"]!.AsObject().Remove("description");
        paths["/api/chatwoot/set/{instance}"]!["post"]!["parameters"]![1]!.AsObject().Remove("description");
        var broken = Path.Combine(Repository.TestOutput("spectral"), "broken-v1.json");
        await File.WriteAllTextAsync(broken, document.ToJsonString());

        // Act
        var findings = await LintAsync(broken, "broken");

        // Assert
        Assert.That(findings.Where(f => f.StartsWith("ryzeapi-", StringComparison.Ordinal)), Is.EquivalentTo(new[]
        {
            "ryzeapi-operation-id-present paths./api/chatwoot/set/{instance}.post",
            "ryzeapi-operation-id paths./api/instance/delete/{instance}.delete.operationId",
            "ryzeapi-response-example paths./api/chatwoot/list/{instance}.get.responses.200.content.application/json",
            "ryzeapi-error-envelope paths./api/chatwoot/list/{instance}.get.responses.404.content.application/json.schema",
            "ryzeapi-error-has-json-body paths./api/chatwoot/list/{instance}.get.responses.503",
            "ryzeapi-response-has-body paths./api/chatwoot/list/{instance}.get.responses.503",
            "ryzeapi-request-example paths./api/instance/new.post.requestBody.content.application/json",
            "ryzeapi-rate-limit-headers paths./api/instance/list.get.responses.200.headers",
            "ryzeapi-retry-after paths./api/instance/list.get.responses.429.headers",
            "ryzeapi-property-description components.schemas.ChatwootInfoResponse.properties.chatwoot_inbox_id",
            "ryzeapi-parameter-description paths./api/chatwoot/set/{instance}.post.parameters.1",
        }));
    }

    /// <summary>Each finding as "rule path"; asserts Spectral's exit code agrees (non-zero exactly when it found something).</summary>
    private static async Task<List<string>> LintAsync(string document, string name)
    {
        var report = Path.Combine(Repository.TestOutput("spectral"), $"{name}-lint.json");
        File.Delete(report);
        var run = await Tool.NpxAsync(
            ["spectral", "lint", document, "--ruleset", ".spectral.yaml", "--fail-severity=warn", "-f", "json", "-o", report]);
        Assert.That(File.Exists(report), Is.True, $"Spectral wrote no report:\n{run}");
        var findings = JsonNode.Parse(await File.ReadAllTextAsync(report))!.AsArray()
            .Select(f => $"{f!["code"]} {string.Join('.', f["path"]!.AsArray().Select(p => p!.ToString()))}")
            .ToList();
        TestContext.Out.WriteLine($"{findings.Count} findings:\n{string.Join('\n', findings)}");
        Assert.That(run.ExitCode == 0, Is.EqualTo(findings.Count == 0), run.ToString());
        return findings;
    }
}
