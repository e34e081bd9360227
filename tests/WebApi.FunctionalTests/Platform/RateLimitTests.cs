namespace RyzeApi.WebApi.FunctionalTests.Platform;

public sealed class RateLimitTests : ApiTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:GlobalPermitLimit"] = "3",
        ["RateLimiting:InstanceCreatePermitLimit"] = "2",
        // An hour-long window, so a test never straddles a window boundary.
        ["RateLimiting:Window"] = "01:00:00",
    };

    [Test]
    public async Task Responses_Always_CarryRateLimitHeaders()
    {
        // Arrange
        using var anonymous = Api.CreateClient();

        // Act
        var ok = await Account.GetAsync("/api/instance/list");
        var unauthorized = await anonymous.GetAsync("/api/instance/list");
        var unknown = await Account.GetAsync("/api/nope");

        // Assert
        foreach (var response in new[] { ok, unauthorized, unknown })
        {
            Assert.That(response.Headers.GetValues("X-RateLimit-Limit").Single(), Is.EqualTo("3"));
            var reset = long.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(reset, Is.GreaterThan(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).And.LessThanOrEqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3601));
        }

        Assert.That(ok.Headers.GetValues("X-RateLimit-Remaining").Single(), Is.EqualTo("2"));
    }

    [Test]
    public async Task ErrorsRaisedByHandlers_AlsoCarryRateLimitHeaders()
    {
        // Arrange: the exception handler rewrites the response, which clears headers set earlier.

        // Act
        var notFound = await Account.DeleteAsync("/api/instance/delete/nope");
        var invalid = await Account.PostAsync("/api/instance/new", new StringContent("{\"name\": \"bad name!\"}", System.Text.Encoding.UTF8, "application/json"));

        // Assert
        Assert.That((int)notFound.StatusCode, Is.EqualTo(404));
        Assert.That((int)invalid.StatusCode, Is.EqualTo(400));
        foreach (var response in new[] { notFound, invalid })
        {
            Assert.That(response.Headers.GetValues("X-RateLimit-Limit").Single(), Is.Not.Empty);
            Assert.That(response.Headers.GetValues("X-RateLimit-Remaining").Single(), Is.Not.Empty);
            Assert.That(response.Headers.GetValues("X-RateLimit-Reset").Single(), Is.Not.Empty);
        }
    }

    [Test]
    public async Task Requests_OverTheGlobalLimit_Are429WithRetryAfter_AndCountedPerToken()
    {
        // Arrange
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await Account.GetAsync("/api/instance/list")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var other = await CreateOtherAccountAsync("other-account-token-1234");

        // Act
        var limited = await Account.GetAsync("/api/instance/list");
        var otherToken = await other.GetAsync("/api/instance/list");

        // Assert
        await limited.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Rate limit exceeded. Try again later.");
        Assert.That(limited.Headers.GetValues("X-RateLimit-Remaining").Single(), Is.EqualTo("0"));
        Assert.That(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 3600));
        Assert.That(otherToken.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RateLimit_ComesBeforeAuth()
    {
        // Arrange: anonymous callers are counted per IP.
        using var anonymous = Api.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await anonymous.GetAsync("/api/instance/list");
        }

        // Act
        var response = await anonymous.GetAsync("/api/instance/list");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Rate limit exceeded. Try again later.");
    }

    [Test]
    public async Task InstanceCreation_HasItsOwnLowerLimit()
    {
        // Arrange
        await CreateInstanceAsync("a");
        await CreateInstanceAsync("b");

        // Act
        var third = await Account.PostJsonAsync("/api/instance/new", new { name = "c" });

        // Assert
        await third.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Rate limit exceeded. Try again later.");
        Assert.That(third.Headers.GetValues("X-RateLimit-Limit").Single(), Is.EqualTo("2"));
    }
}
