using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>The runtime settings the API ships with (its runtimeconfig.json, as built).</summary>
public sealed class RuntimeConfigTests
{
    [Test]
    public void RuntimeConfig_IdleThreadPoolThreads_DoNotSpin()
    {
        // Arrange
        var directory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "RyzeApi.WebApi.runtimeconfig.json")))!;

        // Act
        var spinLimit = config["runtimeOptions"]?["configProperties"]?["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"];

        // Assert: ADR 13 (the API shares its cores with PostgreSQL).
        Assert.That(spinLimit?.GetValue<int>(), Is.Zero);
    }
}
