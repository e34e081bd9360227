using System.Net.Http.Json;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/adr/0038-rate-limits-shared-by-replicas.md: two API processes on one database enforce one limit per
/// token in total, and each answer's <c>X-RateLimit-Remaining</c> counts the requests both processes took.</summary>
[NonParallelizable]
public sealed class SharedRateLimitProcessTests : ApiProcessTestBase
{
    [Test]
    public async Task TwoApiProcesses_EnforceOneLimitPerToken_InTotal()
    {
        // Arrange: an hour-long window, so the test never straddles a window boundary.
        var limits = new Dictionary<string, string?>
        {
            ["RateLimiting:GlobalPermitLimit"] = "10",
            ["RateLimiting:InstanceCreatePermitLimit"] = "3",
            ["RateLimiting:Window"] = "01:00:00",
        };
        var one = await StartApiAsync(FreeBaseUrl(), limits);
        var two = await StartApiAsync(FreeBaseUrl(), limits);
        using var first = one.CreateClient(ApiFactory.AccountToken);
        using var second = two.CreateClient(ApiFactory.AccountToken);

        // Act: alternately to one process and the other.
        var lists = new List<HttpResponseMessage>();
        var creations = new List<HttpResponseMessage>();
        for (var i = 0; i < 11; i++)
        {
            lists.Add(await (i % 2 == 0 ? first : second).GetAsync("/api/instance/list"));
        }

        for (var i = 0; i < 4; i++)
        {
            creations.Add(await (i % 2 == 0 ? first : second).PostAsJsonAsync("/api/instance/new", new { name = $"shared-{i}" }));
        }

        // Assert
        Assert.That(lists.Select(r => (int)r.StatusCode), Is.EqualTo(Enumerable.Repeat(200, 10).Append(429)), "the 11th over both gets 429");
        Assert.That(lists.Select(Remaining), Is.EqualTo(new[] { "9", "8", "7", "6", "5", "4", "3", "2", "1", "0", "0" }));
        await lists[10].AssertErrorAsync(HttpStatusCode.TooManyRequests, "Rate limit exceeded. Try again later.");
        Assert.That(lists[10].Headers.Contains("Retry-After"));
        Assert.That(creations.Select(r => (int)r.StatusCode), Is.EqualTo(new[] { 201, 201, 201, 429 }), "instance creation has its own shared limit");
        Assert.That(creations.Select(Remaining), Is.EqualTo(new[] { "2", "1", "0", "0" }));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM instances"), Is.EqualTo(3));
    }

    private static string Remaining(HttpResponseMessage response) => response.Headers.GetValues("X-RateLimit-Remaining").Single();
}
