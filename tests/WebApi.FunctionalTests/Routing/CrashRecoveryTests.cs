using System.Diagnostics;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/adr/0028-short-leases-renewed-while-work-runs.md: with the default lease (not the tests' short one), a
/// process killed while chats are being delivered is recovered from in seconds: once a new process is up, every message
/// is in Chatwoot, once, within a generous bound, and its log says what it waited for. The figures are printed.</summary>
[NonParallelizable]
public sealed class CrashRecoveryTests : ApiProcessTestBase
{
    // The product's own lease: the tests' 3 s would hide a slow default.
    private static readonly Dictionary<string, string?> s_defaultLease = new() { ["Routing:LeaseDuration"] = null };

    [Test]
    public async Task ApiKilledWithChatsInFlight_WithTheDefaultLease_EveryMessageIsDeliveredWithinSecondsOfTheRestart()
    {
        // Arrange: Chatwoot takes 1 s per message (10 s per chat), so every chat is leased and in flight when the process dies, however
        // slowly this machine posts the events.
        var baseUrl = FreeBaseUrl();
        var first = await StartApiAsync(baseUrl, s_defaultLease);
        await ActivateAsync(first);
        Chatwoot.ScriptAlways(FakeFault.Slow(TimeSpan.FromSeconds(1)), r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal));
        var chats = Conversations(chats: 10, perChat: 10);
        using (var client = first.CreateClient())
        {
            await Task.WhenAll(chats.Select(chat => Task.Run(async () =>
            {
                foreach (var message in chat)
                {
                    await PostEventAsync(client, message.ToJson());
                }
            })));
        }

        await Eventually.UntilAsync(() => Chatwoot.Messages.Count >= 10, "some deliveries before the kill");

        // Act
        first.Kill();
        var killed = Stopwatch.StartNew();
        var leasedAtTheKill = await Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE status = 'pending' AND leased_until > now()");
        var leasesLeft = TimeSpan.FromSeconds(await Database.ScalarAsync<double>(
            "SELECT coalesce(extract(epoch FROM max(leased_until) - now()), 0)::float8 FROM outbox WHERE status = 'pending'"));
        Chatwoot.ClearScripts();
        var second = await StartApiAsync(baseUrl, s_defaultLease);
        var ready = Stopwatch.StartNew();
        var startUp = killed.Elapsed;
        // The log names what is still leased when the new process starts; on a machine so loaded that the start took
        // longer than the leases, there is nothing left to wait for, nor to name.
        const string waiting = "lanes are leased by another process";
        var startedWithinTheLeases = startUp < leasesLeft - TimeSpan.FromSeconds(1);
        if (startedWithinTheLeases)
        {
            await Eventually.UntilAsync(() => second.LinesContaining(waiting).Count > 0, "the log saying what recovery waits for", TimeSpan.FromSeconds(30));
        }

        var waitedFor = second.LinesContaining(waiting).FirstOrDefault();
        await AssertEachDeliveredOnceInOrderAsync(chats, TimeSpan.FromSeconds(60));
        var afterReady = ready.Elapsed;
        var afterKill = killed.Elapsed;

        // Assert
        TestContext.Out.WriteLine(
            $"Recovery: {leasedAtTheKill} rows leased at the kill, for {leasesLeft.TotalSeconds:0.0} s more; new process ready {startUp.TotalSeconds:0.0} s after the kill; " +
            $"every message delivered {afterReady.TotalSeconds:0.0} s after it was ready ({afterKill.TotalSeconds:0.0} s after the kill)");
        Assert.That(leasedAtTheKill, Is.GreaterThan(0), "rows were leased by the process that died");
        // Generous for a loaded machine; the 2-minute lease this replaced made it take about 2 minutes.
        Assert.That(afterReady, Is.LessThan(TimeSpan.FromSeconds(30)), "recovery takes seconds, not the minutes of a long lease");
        if (startedWithinTheLeases)
        {
            Assert.That(waitedFor, Does.Contain("chat 55219").And.Contain(" until "), "the log says which chats recovery waits for, and until when");
        }
    }
}
