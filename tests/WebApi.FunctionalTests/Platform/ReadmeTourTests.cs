using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>README.md's tour, run as a newcomer runs it: its two bash blocks taken verbatim from the README's text,
/// the first (scripts/demo-chatwoot) started from the repository, the second run by bash in a folder holding
/// <c>.data/dev-secrets.env</c> as scripts/run-api makes it, against a real API process on the test database. The
/// documented ports are used when free; otherwise the stand-in gets another through DEMO_CHATWOOT_PORT and only the
/// two base URLs in the tour's text are substituted.</summary>
public sealed partial class ReadmeTourTests
{
    private const string TourHeading = "## A tour on one machine";
    private const string DocumentedApiUrl = "http://127.0.0.1:5080";
    private const string DocumentedChatwootUrl = "http://127.0.0.1:5090";

    private static string Readme => File.ReadAllText(Path.Combine(ApiProcess.RepositoryRoot, "README.md"));

    [Test]
    public void Readme_OpensWithTheTwoSetUpCommands()
    {
        // Act
        var first = BashBlocks(Readme).First();

        // Assert
        var commands = first.Split('\n').Select(l => l.Split('#')[0].Trim()).ToList();
        Assert.That(commands, Is.EqualTo(new[] { "scripts/run-api", "scripts/test" }));
    }

    [Test]
    public async Task Tour_RunVerbatim_GetsEachDocumentedAnswer()
    {
        // Arrange: the README's two blocks.
        var section = Readme[Readme.IndexOf(TourHeading, StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("\n## ", TourHeading.Length, StringComparison.Ordinal) is var next and > 0 ? next : section.Length)];
        var blocks = BashBlocks(section);
        Assert.That(blocks, Has.Count.EqualTo(2), "the tour: the stand-in's command, then the tour's commands");
        var (standInCommand, tour) = (blocks[0], blocks[1]);
        Assert.That(tour, Does.Contain(DocumentedApiUrl).And.Contain(DocumentedChatwootUrl), "the tour uses the documented ports");

        var chatwootPort = IsFree(5090) ? 5090 : FreePort();
        var apiUrl = IsFree(5080) ? DocumentedApiUrl : $"http://127.0.0.1:{FreePort()}";
        await using var standIn = await StandIn.StartAsync(standInCommand, chatwootPort);
        Assert.That(standIn.BaseUrl, Is.EqualTo($"http://127.0.0.1:{chatwootPort}"));
        tour = tour.Replace(DocumentedApiUrl, apiUrl, StringComparison.Ordinal)
            .Replace(DocumentedChatwootUrl, standIn.BaseUrl, StringComparison.Ordinal);
        Assert.That(tour, Does.Contain($"\"chatwootBaseUrl\":\"{standIn.BaseUrl}\"")
            .And.Contain($"\"chatwootAccountId\":{standIn.AccountId}")
            .And.Contain($"\"chatwootApiToken\":\"{standIn.Token}\""), "the tour activates with what the stand-in printed");

        await FunctionalSetup.Database.ResetAsync();
        var devToken = "dev_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var encryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var api = await ApiProcess.StartAsync(apiUrl, ApiProcess.EnvironmentFor(FunctionalSetup.Database.ConnectionString, new Dictionary<string, string?>
        {
            ["RyzeApi:BootstrapAccountToken"] = devToken,
            ["Chatwoot:EncryptionKey"] = encryptionKey,
            ["RyzeApi:PublicBaseUrl"] = apiUrl,
        }));
        var folder = Directory.CreateTempSubdirectory("ryzeapi-tour-");
        try
        {
            // scripts/run-api's secrets file, in the folder the tour runs from.
            Directory.CreateDirectory(Path.Combine(folder.FullName, ".data"));
            await File.WriteAllTextAsync(
                Path.Combine(folder.FullName, ".data", "dev-secrets.env"),
                $"Chatwoot__EncryptionKey={encryptionKey}\nRyzeApi__BootstrapAccountToken={devToken}\n");

            // Act
            var (exitCode, output, error) = await Shell.RunAsync(
                tour, new Dictionary<string, string> { ["NO_PROXY"] = "*" }, TimeSpan.FromSeconds(120), folder.FullName);

            // Assert
            Assert.That(exitCode, Is.Zero, error);
            var answers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Answer.Parse).ToList();
            Assert.That(answers, Has.Count.EqualTo(5), output);
            Assert.Multiple(() =>
            {
                Assert.That(answers[0].Status, Is.EqualTo(201), answers[0].Text);
                Assert.That(answers[0].Body?["message"]?.GetValue<string>(), Is.EqualTo("Instance created"), answers[0].Text);
                Assert.That(answers[0].Body?["instance"]?["name"]?.GetValue<string>(), Is.EqualTo("suporte"), answers[0].Text);

                Assert.That(answers[1].Status, Is.EqualTo(201), answers[1].Text);
                Assert.That(answers[1].Body?["status"]?.GetValue<string>(), Is.EqualTo("active"), answers[1].Text);

                Assert.That(answers[2].Status, Is.EqualTo(200), answers[2].Text);
                Assert.That(answers[2].Body?["status"]?.GetValue<string>(), Is.EqualTo("active"), answers[2].Text);
                Assert.That(answers[2].Body?["chatwoot_base_url"]?.GetValue<string>(), Is.EqualTo(standIn.BaseUrl), answers[2].Text);
                Assert.That(answers[2].Body?["chatwoot_inbox_name"]?.GetValue<string>(), Is.EqualTo("RyzeAPI"), answers[2].Text);

                Assert.That(answers[3].Status, Is.EqualTo(200), answers[3].Text);
                Assert.That(answers[3].Body?["message"]?.GetValue<string>(), Is.EqualTo("chatwoot integration deactivated"), answers[3].Text);

                Assert.That(answers[4].Status, Is.EqualTo(200), answers[4].Text);
            });
            await Eventually.UntilAsync(
                () => standIn.Lines.Any(l => l.EndsWith($"POST /api/v1/accounts/{standIn.AccountId}/inboxes", StringComparison.Ordinal)),
                "the stand-in to list the inbox RyzeApi created", TimeSpan.FromSeconds(10));
        }
        finally
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
            {
                TestContext.Out.WriteLine($"--- API process:\n{api.Output}\n--- stand-in:\n{string.Join('\n', standIn.Lines)}");
            }

            folder.Delete(recursive: true);
        }
    }

    /// <summary>The bodies of the <c>```bash</c> fences, in order.</summary>
    private static List<string> BashBlocks(string markdown) =>
        [.. BashFence().Matches(markdown).Select(m => m.Groups["body"].Value.TrimEnd('\n'))];

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort() => new Uri(FakeChatwoot.UnusedLoopbackUrl()).Port;

    [GeneratedRegex(@"^```bash\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex BashFence();

    /// <summary>One line of the tour's output: a body, a space, the status curl's <c>-w</c> printed.</summary>
    private sealed record Answer(string Text, int Status, JsonNode? Body)
    {
        public static Answer Parse(string line)
        {
            var space = line.LastIndexOf(' ');
            var status = space < 0 ? -1 : int.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            var body = space <= 0 ? null : JsonNode.Parse(line[..space]);
            return new Answer(line, status, body);
        }
    }

    /// <summary>The README's stand-in command, run by bash from the repository's folder on the last build (the test
    /// build made it), until disposed; it must print the URL, account id and token the tour uses.</summary>
    private sealed class StandIn : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _lines = new();

        private StandIn(Process process) => _process = process;

        public IReadOnlyCollection<string> Lines => _lines;

        public string BaseUrl { get; private set; } = "";

        public string AccountId { get; private set; } = "";

        public string Token { get; private set; } = "";

        public static async Task<StandIn> StartAsync(string command, int port)
        {
            var start = new ProcessStartInfo("/bin/bash")
            {
                WorkingDirectory = ApiProcess.RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(command);
            start.Environment["DEMO_CHATWOOT_PORT"] = port.ToString(CultureInfo.InvariantCulture);
            start.Environment["DEMO_CHATWOOT_BUILD"] = "0";
            start.Environment["DEMO_CHATWOOT_CONFIGURATION"] = ApiProcess.Configuration;
            var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
            var standIn = new StandIn(process);
            process.OutputDataReceived += (_, e) => standIn.Keep(e.Data);
            process.ErrorDataReceived += (_, e) => standIn.Keep(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await Eventually.UntilAsync(
                    () => process.HasExited || standIn._lines.Any(l => l.Contains("Ctrl-C stops it", StringComparison.Ordinal)),
                    "the stand-in's banner", TimeSpan.FromSeconds(60));
                Assert.That(process.HasExited, Is.False, string.Join('\n', standIn._lines));
                standIn.BaseUrl = standIn.Printed("chatwootBaseUrl");
                standIn.AccountId = standIn.Printed("chatwootAccountId");
                standIn.Token = standIn.Printed("chatwootApiToken");
                return standIn;
            }
            catch
            {
                await standIn.DisposeAsync();
                throw;
            }
        }

        public ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        private string Printed(string name)
        {
            var line = _lines.FirstOrDefault(l => l.Contains(name + ":", StringComparison.Ordinal))
                ?? throw new AssertionException($"the stand-in did not print {name}:\n{string.Join('\n', _lines)}");
            return line[(line.IndexOf(name + ":", StringComparison.Ordinal) + name.Length + 1)..].Trim().Split(' ')[0];
        }

        private void Keep(string? line)
        {
            if (line is not null)
            {
                _lines.Enqueue(line);
            }
        }
    }
}
