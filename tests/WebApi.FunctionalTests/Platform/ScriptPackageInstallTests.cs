namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>scripts/lib's Debian installs (PostgreSQL, node and npm, Chromium) are one line in the test log, apt's
/// output in a log file, its tail on failure, and never an upgrade. apt-get itself is replaced by a script on PATH
/// that records its arguments and talks as much as apt does (400 lines): the real one would change this machine.</summary>
public sealed class ScriptPackageInstallTests
{
    private DirectoryInfo _folder = null!;

    private string FakeBin => Path.Combine(_folder.FullName, "bin");

    private string Calls => Path.Combine(_folder.FullName, "apt-calls");

    [SetUp]
    public void CreateFakeAptGet()
    {
        _folder = Directory.CreateTempSubdirectory("ryzeapi-apt-");
        Directory.CreateDirectory(FakeBin);
        // Installing nodejs or npm puts a node or npm on PATH, as the real packages do.
        WriteExecutable("apt-get", """
            #!/bin/bash
            echo "$*" >> "$FAKE_APT_CALLS"
            for ((i = 1; i <= 400; i++)); do echo "Get:$i http://deb.debian.org/debian trixie/main amd64 package-$i"; done
            if [[ $1 == install && -n ${FAKE_APT_FAIL:-} ]]; then echo "E: Unable to locate package $FAKE_APT_FAIL"; exit 100; fi
            if [[ $1 == install && " $* " == *" nodejs "* ]]; then printf '#!/bin/bash\necho 20\n' > "$FAKE_BIN/node"; chmod +x "$FAKE_BIN/node"; fi
            if [[ $1 == install && " $* " == *" npm "* ]]; then printf '#!/bin/bash\n' > "$FAKE_BIN/npm"; chmod +x "$FAKE_BIN/npm"; fi
            exit 0
            """);
        WriteExecutable("sudo", "#!/bin/bash\nexec \"$@\"\n");
    }

    [TearDown]
    public void DeleteFolder() => _folder.Delete(recursive: true);

    [Test]
    public async Task AptInstall_SaysWhatInOneLineAndKeepsAptsOutputInTheLog()
    {
        // Act
        var (exitCode, output, error) = await RunAsync("""apt_install "the Swagger UI browser test" chromium""", fail: null);

        // Assert
        Assert.That(exitCode, Is.Zero, output + error);
        var lines = (output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), output + error);
        Assert.That(lines[0], Does.Contain("installing chromium for the Swagger UI browser test"));
        var log = LogPath(lines[0]);
        Assert.That(File.ReadAllText(log), Does.Contain("Get:400 "), "apt's output is in the log named");
        File.Delete(log);
        Assert.That(File.ReadAllLines(Calls), Is.EqualTo(new[] { "update -q", "install -y -q --no-upgrade --no-install-recommends chromium" }));
    }

    [Test]
    public async Task AptInstall_WhenAptFails_PrintsTheLogsTailAndFails()
    {
        // Act
        var (exitCode, output, error) = await RunAsync("apt_install \"a local PostgreSQL (none found)\" postgresql", fail: "postgresql");

        // Assert
        Assert.That(exitCode, Is.Not.Zero);
        var lines = (output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[1], Does.Contain("apt-get could not install postgresql"));
        Assert.That(lines[^1], Is.EqualTo("E: Unable to locate package postgresql"));
        Assert.That(lines, Has.Length.LessThanOrEqualTo(22), "the tail, not the whole log");
        File.Delete(LogPath(lines[0]));
    }

    [Test]
    public async Task ContractNode_WithoutNodeOrNpm_InstallsDebiansNodejsAndNpm()
    {
        // Arrange: a PATH with bash's helpers but no node or npm.
        var tools = Path.Combine(_folder.FullName, "tools");
        Directory.CreateDirectory(tools);
        foreach (var tool in new[] { "env", "id", "mktemp", "tail", "dirname", "chmod" })
        {
            File.CreateSymbolicLink(Path.Combine(tools, tool), Path.Combine(Which(tool)));
        }

        // Act
        var (exitCode, output, error) = await RunAsync("contract_node", fail: null, path: $"{FakeBin}:{tools}", library: "contract.sh");

        // Assert
        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(File.ReadAllLines(Calls)[^1], Is.EqualTo("install -y -q --no-upgrade --no-install-recommends nodejs ca-certificates npm"));
        var lines = (output + error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), output + error);
        File.Delete(LogPath(lines[0]));
    }

    private static string LogPath(string line) =>
        line[(line.IndexOf("its output: ", StringComparison.Ordinal) + "its output: ".Length)..].TrimEnd(')');

    private static string Which(string tool) =>
        new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string call, string? fail, string? path = null, string library = "apt.sh")
    {
        var script = Path.Combine(ApiProcess.RepositoryRoot, "scripts", "lib", library);
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = path ?? $"{FakeBin}:{Environment.GetEnvironmentVariable("PATH")}",
            ["FAKE_APT_CALLS"] = Calls,
            ["FAKE_BIN"] = FakeBin,
            ["FAKE_APT_FAIL"] = fail ?? "",
        };
        return Shell.RunAsync($"source '{script}' && {call}", environment, TimeSpan.FromSeconds(60));
    }

    private void WriteExecutable(string name, string text)
    {
        var path = Path.Combine(FakeBin, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
