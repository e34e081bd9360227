using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RyzeApi.Bench.Routing;

/// <summary>The API as its own OS process (Release build), so its memory can be read from /proc.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Pid => _process.Id;

    public static async Task<ApiProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        // Diagnostics for the API alone (e.g. BENCH_API_DOTNET_gcServer=0): BENCH_API_<name> is passed on as <name>.
        foreach (var (key, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, (string?)e.Value ?? ""))
                     .Where(e => e.Item1.StartsWith("BENCH_API_", StringComparison.Ordinal)))
        {
            start.Environment[key["BENCH_API_".Length..]] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["RyzeApi__PublicBaseUrl"] = baseUrl;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the API");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[api] " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync(baseUrl + "/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return new ApiProcess(process, baseUrl);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"the API exited with {process.ExitCode}");
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the API did not become ready within 60 s");
    }

    /// <summary>Peak resident set size (VmHWM) in MiB.</summary>
    public double PeakRssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
