using System.Collections.Concurrent;
using System.Diagnostics;

namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>The built API as a real operating-system process (<c>dotnet src/WebApi/bin/&lt;Configuration&gt;/net10.0/RyzeApi.WebApi.dll</c>),
/// configured only by environment variables as an operator would, listening on loopback. It can be killed outright
/// (SIGKILL, no graceful shutdown) to prove what survives a crash, and several can share one database.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _everything = new();

    private ApiProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Every line the process wrote so far that contains <paramref name="text"/> (a busy log pushes a line
    /// out of <see cref="Output"/> quickly).</summary>
    public IReadOnlyList<string> LinesContaining(string text) => [.. _everything.Where(l => l.Contains(text, StringComparison.Ordinal))];

    /// <summary>The repository's root: the folder above this test assembly that holds <c>RyzeApi.sln</c>.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RyzeApi.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException($"RyzeApi.sln not found above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>The build configuration of this test assembly (Debug or Release), which the API's build shares.</summary>
    public static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";

    /// <summary>The built API, next to this test assembly's build: the same configuration (Debug or Release).</summary>
    public static string ApiAssemblyPath
    {
        get
        {
            var path = Path.Combine(RepositoryRoot, "src", "WebApi", "bin", Configuration, "net10.0", "RyzeApi.WebApi.dll");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"{path} does not exist: build src/WebApi in {Configuration} first (building this test project does)");
        }
    }

    /// <summary>Starts the API on <paramref name="baseUrl"/> with <paramref name="environment"/> (ASP.NET Core style
    /// names, e.g. <c>Routing__LeaseDuration</c>) and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<ApiProcess> StartAsync(string baseUrl, IReadOnlyDictionary<string, string?> environment)
    {
        var process = new Process { StartInfo = StartInfo(baseUrl, environment), EnableRaisingEvents = true };
        var api = new ApiProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("the API process did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await api.WaitUntilReadyAsync();
        }
        catch
        {
            api.Kill();
            throw;
        }

        return api;
    }

    /// <summary>Runs the API on <paramref name="baseUrl"/> as <see cref="StartAsync"/> does, for a start that must fail:
    /// waits until the process exits and returns its exit code and every line it wrote (stdout, then stderr).</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(
        string baseUrl, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(baseUrl, environment)) ?? throw new InvalidOperationException("the API process did not start");
        var (exitCode, output, error) = await Shell.WaitAsync(process, timeout, $"The API process was still running after {timeout}:");
        return (exitCode, output + error);
    }

    /// <summary>The environment that configures an API like <see cref="ApiFactory"/> does, from the
    /// <c>Section:Key</c> settings given (which win).</summary>
    public static Dictionary<string, string?> EnvironmentFor(string connectionString, IReadOnlyDictionary<string, string?> settings)
    {
        var all = ApiFactory.CommonSettings(connectionString);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all.ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value);
    }

    private static ProcessStartInfo StartInfo(string baseUrl, IReadOnlyDictionary<string, string?> environment)
    {
        var dll = ApiAssemblyPath;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = null;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Add("token", token);
        }

        return client;
    }

    /// <summary>SIGKILL to the process (and anything it started): no shutdown hook, no graceful drain.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        _everything.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + s_readyTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API process exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(BaseUrl + "/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The API process was not ready after {s_readyTimeout}:\n{Output}");
            }

            await Task.Delay(100);
        }
    }
}
