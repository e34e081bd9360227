using System.Globalization;
using System.Net.Sockets;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>A port already taken is one clear line and a non-zero exit, from scripts/run-api (before it starts
/// anything) and from the API itself (a port taken after the script's check, or the API run without it).</summary>
public sealed class PortInUseTests
{
    [Test]
    public async Task RunApi_OnATakenPort_SaysSoInOneLineAndExitsNonZero()
    {
        // Arrange
        using var taken = ListenOnFreePort(out var port);
        var script = Path.Combine(ApiProcess.RepositoryRoot, "scripts", "run-api");

        // Act
        var (exitCode, output, error) = await Shell.RunAsync(
            $"'{script}'", new Dictionary<string, string> { ["PORT"] = port.ToString(CultureInfo.InvariantCulture) }, TimeSpan.FromSeconds(60));

        // Assert
        var lines = (output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(lines, Has.Length.EqualTo(1), output + error);
        Assert.That(lines[0], Does.Contain($"port {port} is already in use"));
        Assert.That(lines[0], Does.Contain($"PORT={port + 1} scripts/run-api"), "how to pick another");
        Assert.That(output, Does.Not.Contain("Swagger UI"), "no banner with a URL the API will not listen on");
    }

    [Test]
    public async Task Api_OnATakenPort_LogsOneCriticalLineWithoutAStackTraceAndExits1()
    {
        // Arrange
        await FunctionalSetup.Database.ResetAsync();
        using var taken = ListenOnFreePort(out var port);
        var baseUrl = $"http://127.0.0.1:{port}";
        var environment = ApiProcess.EnvironmentFor(FunctionalSetup.Database.ConnectionString, new Dictionary<string, string?>
        {
            ["RyzeApi:PublicBaseUrl"] = baseUrl,
            ["Logging:Console:FormatterName"] = "json",
        });

        // Act
        var (exitCode, output) = await ApiProcess.RunUntilExitAsync(baseUrl, environment, TimeSpan.FromSeconds(90));

        // Assert
        Assert.That(exitCode, Is.EqualTo(1), output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var failures = lines.Where(l => !l.Contains("\"LogLevel\":\"Information\"", StringComparison.Ordinal)).ToList();
        Assert.That(failures, Has.Count.EqualTo(1), output);
        Assert.That(failures[0], Does.Contain("\"LogLevel\":\"Critical\""));
        Assert.That(failures[0], Does.Contain($"Failed to bind to address {baseUrl}: address already in use."));
        Assert.That(failures[0], Does.Contain("choose another address"));
        Assert.That(output, Does.Not.Contain("Exception"), "no exception, no stack trace");
        Assert.That(output, Does.Not.Contain("   at "), "no stack frame");
    }

    private static TcpListener ListenOnFreePort(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
