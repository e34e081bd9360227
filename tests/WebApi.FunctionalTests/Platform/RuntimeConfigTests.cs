using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>The runtime settings the API ships with (its runtimeconfig.json, as built).</summary>
public sealed class RuntimeConfigTests
{
    [Test]
    public void RuntimeConfig_IdleThreadPoolThreads_DoNotSpin()
    {
        // Act
        var spinLimit = Property("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit");

        // Assert: ADR 13 (the API shares its cores with PostgreSQL).
        Assert.That(spinLimit?.GetValue<int>(), Is.Zero);
    }

    [Test]
    public void RuntimeConfig_GarbageCollector_IsTheWorkstationOne()
    {
        // Act
        var server = Property("System.GC.Server");

        // Assert: ADR 13 (the Web SDK's default is the server GC).
        Assert.That(server?.GetValue<bool>(), Is.False);
    }

    private static JsonNode? Property(string name)
    {
        var directory = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "RyzeApi.WebApi.runtimeconfig.json")))!;
        return config["runtimeOptions"]?["configProperties"]?[name];
    }
}
