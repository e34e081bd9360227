using System.Text.Json.Nodes;
using RyzeApi.WebApi.ContractTests.Support;

namespace RyzeApi.WebApi.ContractTests;

/// <summary>The served OpenAPI document is the committed docs/openapi/v1.json: a change to the contract
/// shows up in review as a change to that file, made on purpose with scripts/update-openapi.</summary>
public sealed class OpenApiSnapshotTests : LiveApiFixture
{
    public const string UpdateVariable = "RYZEAPI_UPDATE_OPENAPI";

    [Test]
    public async Task ServedDocument_IsTheCommittedSnapshot()
    {
        // Arrange
        using var anonymous = Api.Client();

        // Act
        var served = JsonDiff.Normalize(await anonymous.GetStringAsync("/swagger/v1/swagger.json"));

        // Assert
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Repository.OpenApiDocument)!);
            await File.WriteAllTextAsync(Repository.OpenApiDocument, served);
            TestContext.Out.WriteLine($"wrote {Repository.OpenApiDocument}");
        }

        Assert.That(File.Exists(Repository.OpenApiDocument), Is.True, $"{Repository.OpenApiDocument} is missing; run scripts/update-openapi");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Repository.OpenApiDocument));
        var differences = JsonDiff.Differences(committed, JsonNode.Parse(served));
        Assert.That(differences, Is.Empty,
            "The served document differs from docs/openapi/v1.json (- committed only, + served only, ~ changed). "
            + "If the change is intended, run scripts/update-openapi and commit the file:\n" + string.Join('\n', differences.Take(60)));
    }
}
