using System.Diagnostics;

namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>Runs a command line with bash, as a user pasting it into a terminal would.</summary>
public static class Shell
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string commandLine, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        return await WaitAsync(process, timeout, $"The command did not finish within {timeout}: {commandLine}");
    }

    /// <summary>Reads both streams of <paramref name="process"/> to their end and waits for it to exit; past
    /// <paramref name="timeout"/> kills it and throws with <paramref name="timeoutMessage"/> and what it wrote.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> WaitAsync(Process process, TimeSpan timeout, string timeoutMessage)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{timeoutMessage}\n{await output}{await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
