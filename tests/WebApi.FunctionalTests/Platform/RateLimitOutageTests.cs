using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using RyzeApi.Testing.Postgres;
using RyzeApi.WebApi.RateLimiting;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>docs/adr/0039-rate-limits-when-the-database-is-down.md: while the database does not answer, the API counts
/// in its own process, logs that once, and every request gets the answer it would have had without the limiter.</summary>
[NonParallelizable]
public sealed class RateLimitOutageTests : ClockedApiTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:GlobalPermitLimit"] = "3",
        ["RateLimiting:Window"] = "00:01:00",
    };

    protected override bool Pooling => false;

    [Test]
    public async Task DatabaseUnreachable_LimitsCountInTheProcess_AndAnswersAreTheRequestsOwn()
    {
        // Arrange
        using var account = StartApi();
        using var anonymous = StartApi(token: null);
        Assert.That((await account.GetAsync("/api/instance/list")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var counted = await Database.ScalarAsync<long>("SELECT sum(hits)::bigint FROM rate_limit_windows");

        List<HttpResponseMessage> during;
        try
        {
            await CutOffAsync(allow: false);

            // Act
            during = [];
            for (var i = 0; i < 4; i++)
            {
                during.Add(await anonymous.GetAsync("/api/instance/list"));
            }
        }
        finally
        {
            await CutOffAsync(allow: true);
        }

        Clock.Now += SharedRateLimiter.FallbackFor + TimeSpan.FromSeconds(1);
        var after = await account.GetAsync("/api/instance/list");

        // Assert
        await during[0].AssertErrorAsync(HttpStatusCode.Unauthorized, "Missing token");
        Assert.That(during.Select(r => (int)r.StatusCode), Is.EqualTo(new[] { 401, 401, 401, 429 }), "counted, never a 500");
        Assert.That(during.Select(r => r.Headers.GetValues("X-RateLimit-Remaining").Single()), Is.EqualTo(new[] { "2", "1", "0", "0" }));
        Assert.That(int.Parse(during[3].Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), Is.EqualTo(30));
        var warnings = Logs.Entries.Where(e => e.Category == typeof(SharedRateLimiter).FullName).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1), "said once");
        Assert.That(warnings[0].Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(warnings[0].Message, Does.StartWith("Rate limits are counted in this process alone for 5 s: the database did not answer"));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Database.ScalarAsync<long>("SELECT sum(hits)::bigint FROM rate_limit_windows"), Is.EqualTo(counted + 1), "shared again");
    }

    /// <summary>Refuses connections to the test database, as a database that went away would, or lets them in again.</summary>
    private static async Task CutOffAsync(bool allow)
    {
        var name = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database;
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.Variable));
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {(allow ? "true" : "false")}", admin);
        await command.ExecuteNonQueryAsync();
    }
}
