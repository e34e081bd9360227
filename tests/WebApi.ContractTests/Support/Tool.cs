using System.Diagnostics;

namespace RyzeApi.WebApi.ContractTests.Support;

/// <summary>Runs a program to its end and keeps what it printed.</summary>
public static class Tool
{
    /// <summary>Not a timing assertion: a guard so that a hung tool fails the test instead of the whole run.</summary>
    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(5);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public static async Task<Result> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(s_limit);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {s_limit}");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Runs a tool of tools/contract's node_modules (installed by scripts/test with npm ci).</summary>
    public static Task<Result> NpxAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!Directory.Exists(Path.Combine(Repository.ContractTools, "node_modules")))
        {
            Assert.Fail($"{Repository.ContractTools}/node_modules is missing: run `npm ci` there (scripts/test does).");
        }

        return RunAsync("npx", ["--no-install", .. arguments], Repository.ContractTools, environment);
    }
}
