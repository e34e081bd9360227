namespace RyzeApi.Application.Common.Telemetry;

/// <summary>The <c>outcome</c> values of <c>ryzeapi.deliveries</c>.</summary>
public static class DeliveryOutcomes
{
    public const string Delivered = "delivered";
    public const string Skipped = "skipped";
    /// <summary>Refused for good on the first answer that said so (a 4xx other than 429, a bad payload).</summary>
    public const string Failed = "failed";
    /// <summary>Its last attempt failed too: the retries ran out.</summary>
    public const string GivenUp = "given_up";
}

/// <summary>The <c>reason</c> values of <c>ryzeapi.delivery.retries</c>.</summary>
public static class RetryReasons
{
    /// <summary>A network error, a timeout, a 5xx or a 429.</summary>
    public const string Transient = "transient";
    /// <summary>Something it depends on is not there yet (e.g. a reply's link).</summary>
    public const string Wait = "wait";
    /// <summary>The instance's WhatsApp session is down.</summary>
    public const string Session = "session";
}

/// <summary>The <c>outcome</c> values of the call and ingress durations: the answer's class, or why there was none.</summary>
public static class CallOutcomes
{
    public const string Success = "success";
    public const string ClientError = "client_error";
    public const string RateLimited = "rate_limited";
    public const string ServerError = "server_error";
    public const string Timeout = "timeout";
    public const string NetworkError = "network_error";
    public const string CircuitOpen = "circuit_open";
    public const string Cancelled = "cancelled";

    /// <summary>The class of an HTTP status code.</summary>
    public static string FromStatus(int status) => status switch
    {
        429 => RateLimited,
        >= 500 => ServerError,
        >= 400 => ClientError,
        _ => Success,
    };
}
