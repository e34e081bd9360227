using System.Globalization;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>docs/adr/0038-rate-limits-shared-by-replicas.md: windows counted in PostgreSQL, numbered by the API's
/// clock, shared by every API on the database.</summary>
public sealed class SharedRateLimitTests : ClockedApiTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:GlobalPermitLimit"] = "3",
        ["RateLimiting:IngressPermitLimit"] = "1000",
        ["RateLimiting:Window"] = "00:01:00",
    };

    [Test]
    public async Task Windows_FollowTheApisClock_AndPastOnesAreDeleted()
    {
        // Arrange: the clock stands at 10:00:30.250.
        using var api = StartApi();
        var tenOClock = new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

        // Act
        var first = await Repeat(api, 4);
        Clock.Now = Clock.Now.AddMinutes(1);
        var nextMinute = await api.GetAsync("/api/instance/list");
        var windowsThen = await WindowsAsync();
        Clock.Now = Clock.Now.AddMinutes(1);
        await api.GetAsync("/api/instance/list");
        var windowsLater = await WindowsAsync();

        // Assert
        Assert.That(first.Select(r => r.StatusCode), Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(first.Select(r => Header(r, "X-RateLimit-Remaining")), Is.EqualTo(new[] { 2, 1, 0, 0 }));
        Assert.That(first.Select(r => Header(r, "X-RateLimit-Reset")), Has.All.EqualTo(tenOClock.AddMinutes(1).ToUnixTimeSeconds()));
        Assert.That(Header(first[3], "Retry-After"), Is.EqualTo(30), "29.75 s to 10:01, rounded up");
        Assert.That(nextMinute.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(nextMinute, "X-RateLimit-Remaining"), Is.EqualTo(2));
        Assert.That(Header(nextMinute, "X-RateLimit-Reset"), Is.EqualTo(tenOClock.AddMinutes(2).ToUnixTimeSeconds()));
        Assert.That(windowsThen, Is.EqualTo("10:00=4,10:01=1"), "the previous window is kept");
        Assert.That(windowsLater, Is.EqualTo("10:01=1,10:02=1"), "older windows are deleted");
    }

    [Test]
    public async Task Ingress_TakesPermitsInBlocks_AndTwoApisAdmitTheLimitExactly()
    {
        // Arrange: a limit of 1000 is taken 5 permits per statement; events without a token are counted per address.
        using var one = StartApi(token: null);
        using var two = StartApi(token: null);

        // Act
        var statuses = new List<HttpStatusCode>();
        string? firstRemaining = null;
        for (var i = 0; i < 1100; i++)
        {
            using var response = await (i % 2 == 0 ? one : two).PostAsync("/api/chatwoot/events/suporte", null);
            firstRemaining ??= response.Headers.GetValues("X-RateLimit-Remaining").Single();
            statuses.Add(response.StatusCode);
        }

        // Assert
        var hits = await Database.ScalarAsync<long>("SELECT hits FROM rate_limit_windows WHERE policy = 'ingress'");
        Assert.That(statuses.Count(s => s != HttpStatusCode.TooManyRequests), Is.EqualTo(1000), "admitted over both APIs");
        Assert.That(statuses.Skip(1000), Has.All.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(hits % 5, Is.Zero, "counted in blocks of 5");
        Assert.That(hits / 5, Is.LessThanOrEqualTo(202), "one statement per block, not per request");
        Assert.That(firstRemaining, Is.EqualTo("999"));
    }

    [Test]
    public async Task Ingress_ConcurrentOnTwoApis_NeverAdmitsMoreThanTheLimit()
    {
        // Arrange: 16 callers at once, on both APIs, while blocks of 5 are reserved.
        using var one = StartApi(token: null);
        using var two = StartApi(token: null);
        var next = -1;

        // Act
        var admitted = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            var mine = 0;
            for (var i = Interlocked.Increment(ref next); i < 1100; i = Interlocked.Increment(ref next))
            {
                using var response = await (i % 2 == 0 ? one : two).PostAsync("/api/chatwoot/events/suporte", null);
                mine += response.StatusCode == HttpStatusCode.TooManyRequests ? 0 : 1;
            }

            return mine;
        })));

        // Assert: unused permits of the last blocks may be lost, at most one block per API.
        var hits = await Database.ScalarAsync<long>("SELECT hits FROM rate_limit_windows WHERE policy = 'ingress'");
        Assert.That(admitted.Sum(), Is.InRange(1000 - (2 * 5), 1000));
        Assert.That(hits % 5, Is.Zero, "counted in blocks of 5");
    }

    [Test]
    public async Task MetricsAndHealth_AreNotLimited()
    {
        // Arrange
        using var api = StartApi();

        // Act
        var exempt = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            exempt.Add(await api.GetAsync("/metrics"));
            exempt.Add(await api.GetAsync("/health/live"));
        }

        var counted = await api.GetAsync("/api/instance/list");

        // Assert
        Assert.That(exempt.Select(r => r.StatusCode), Has.None.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(exempt.Where(r => r.Headers.Contains("X-RateLimit-Limit")), Is.Empty);
        Assert.That(Header(counted, "X-RateLimit-Remaining"), Is.EqualTo(2), "the first counted request");
    }

    private static async Task<List<HttpResponseMessage>> Repeat(HttpClient api, int times)
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < times; i++)
        {
            responses.Add(await api.GetAsync("/api/instance/list"));
        }

        return responses;
    }

    private static long Header(HttpResponseMessage response, string name) =>
        long.Parse(response.Headers.GetValues(name).Single(), CultureInfo.InvariantCulture);

    private static Task<string?> WindowsAsync() => Database.ScalarAsync<string>(
        "SELECT string_agg(to_char(window_start AT TIME ZONE 'UTC', 'HH24:MI') || '=' || hits, ',' ORDER BY window_start) FROM rate_limit_windows");
}
