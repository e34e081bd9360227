using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>docs/adr/0032-metrics-endpoint-access.md: <c>/metrics</c> is not public by default. Without a scrape
/// token only loopback callers (and connections without an address) read it; with one, whoever sends it, from
/// anywhere, and nobody without it; turned off, it is not there. Refusals are the error envelope.</summary>
public sealed class MetricsEndpointTests
{
    private const string ScrapeToken = "scrape-token-0123456789abcdef";

    [TestCase("127.0.0.1")]
    [TestCase("::1")]
    [TestCase("::ffff:127.0.0.1")]
    [TestCase(null)]
    public async Task NoToken_LoopbackCaller_GetsTheMetrics(string? address)
    {
        // Arrange
        await using var api = ApiFactory.Create(FunctionalSetup.Database.ConnectionString);

        // Act
        var context = await ScrapeAsync(api, address, authorization: null);

        // Assert
        Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status200OK));
        Assert.That(context.Response.ContentType, Does.StartWith("text/plain"));
        Assert.That(await BodyAsync(context), Does.Contain("# TYPE "));
    }

    [TestCase("203.0.113.7")]
    [TestCase("10.0.0.5")]
    [TestCase("::ffff:192.168.1.20")]
    public async Task NoToken_CallerFromTheNetwork_Gets403AndNoMetrics(string address)
    {
        // Arrange
        await using var api = ApiFactory.Create(FunctionalSetup.Database.ConnectionString);

        // Act
        var context = await ScrapeAsync(api, address, authorization: $"Bearer {ScrapeToken}");

        // Assert
        Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status403Forbidden));
        var body = JsonNode.Parse(await BodyAsync(context))!;
        Assert.That(body["success"]!.GetValue<bool>(), Is.False);
        Assert.That(body["error"]!["message"]!.GetValue<string>(), Does.Contain("loopback").And.Contain("Metrics__ScrapeToken"));
    }

    [TestCase(null)]
    [TestCase("Bearer wrong-token-0123456789abcdef")]
    [TestCase("Basic " + ScrapeToken)]
    [TestCase(ScrapeToken)]
    public async Task Token_WithoutTheRightOne_Gets401EvenFromLoopback(string? authorization)
    {
        // Arrange
        await using var api = ApiFactory.Create(FunctionalSetup.Database.ConnectionString, new Dictionary<string, string?> { ["Metrics:ScrapeToken"] = ScrapeToken });

        // Act
        var context = await ScrapeAsync(api, "127.0.0.1", authorization);

        // Assert
        Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status401Unauthorized));
        Assert.That(context.Response.Headers.WWWAuthenticate.ToString(), Is.EqualTo("Bearer"));
        Assert.That(JsonNode.Parse(await BodyAsync(context))!["error"]!["message"]!.GetValue<string>(), Does.Contain("Authorization: Bearer"));
    }

    [Test]
    public async Task Token_TheRightOne_GetsTheMetricsFromAnywhere()
    {
        // Arrange
        await using var api = ApiFactory.Create(FunctionalSetup.Database.ConnectionString, new Dictionary<string, string?> { ["Metrics:ScrapeToken"] = ScrapeToken });

        // Act
        var context = await ScrapeAsync(api, "203.0.113.7", $"Bearer {ScrapeToken}");

        // Assert
        Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status200OK));
        Assert.That(await BodyAsync(context), Does.Contain("# TYPE "));
    }

    [Test]
    public async Task Disabled_ThereIsNoMetricsEndpoint()
    {
        // Arrange
        await using var api = ApiFactory.Create(FunctionalSetup.Database.ConnectionString, new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" });

        // Act
        var context = await ScrapeAsync(api, "127.0.0.1", authorization: null);

        // Assert
        Assert.That(context.Response.StatusCode, Is.EqualTo(StatusCodes.Status404NotFound));
        Assert.That(await BodyAsync(context), Does.Not.Contain("# TYPE "));
    }

    [TestCase("Metrics:ScrapeToken", "short", "Metrics__ScrapeToken must have at least 16 characters when set")]
    [TestCase("Metrics:BacklogInterval", "00:00:00", "Metrics__BacklogInterval must be between 00:00:00.100 and 01:00:00")]
    [TestCase("Metrics:TopIntegrations", "0", "Metrics__TopIntegrations must be between 1 and 500")]
    public void Start_WithBadMetricsSetting_StopsNamingIt(string key, string value, string expected)
    {
        // Arrange
        using var api = ApiFactory.Create(FunctionalSetup.Database.ConnectionString, new Dictionary<string, string?> { [key] = value });

        // Act
        var exception = Assert.Catch(() => api.CreateClient());

        // Assert
        Assert.That(exception, Is.InstanceOf<OptionsValidationException>());
        Assert.That(exception!.Message, Does.StartWith(expected));
    }

    private static Task<HttpContext> ScrapeAsync(ApiFactory api, string? address, string? authorization) =>
        api.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = "/metrics";
            context.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
            if (authorization is not null)
            {
                context.Request.Headers.Authorization = authorization;
            }
        });

    private static async Task<string> BodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Response.Body);
        return await reader.ReadToEndAsync();
    }
}
