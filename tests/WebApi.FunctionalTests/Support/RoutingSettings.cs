namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>The settings routing tests run with, as an operator would set them: the engine's address and token,
/// where Chatwoot reaches the API, and small routing delays so retries and leases play out within a test.</summary>
public static class RoutingSettings
{
    public static Dictionary<string, string?> For(string engineBaseUrl, string engineToken, string publicBaseUrl) => new()
    {
        ["RyzeApi:PublicBaseUrl"] = publicBaseUrl,
        ["Engine:BaseUrl"] = engineBaseUrl,
        ["Engine:Token"] = engineToken,
        ["Routing:RetryBaseDelay"] = "00:00:00.050",
        ["Routing:RetryMaxDelay"] = "00:00:00.500",
        ["Routing:PollInterval"] = "00:00:00.050",
        ["Routing:LeaseDuration"] = "00:00:03",
        // An outage in these tests lasts seconds; the retry budget outlasts it.
        ["Routing:MaxAttempts"] = "400",
        ["Engine:Resilience:Retry:Delay"] = "00:00:00.050",
        ["Engine:Resilience:AttemptTimeout:Timeout"] = "00:00:02",
        ["Engine:Resilience:TotalRequestTimeout:Timeout"] = "00:00:04",
        ["Engine:Resilience:CircuitBreaker:SamplingDuration"] = "00:00:05",
        ["RateLimiting:IngressPermitLimit"] = "1000000",
    };
}
