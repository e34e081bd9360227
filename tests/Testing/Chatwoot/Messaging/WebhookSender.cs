using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Webhooks::Trigger: one POST of a JSON body, with a 5-second timeout, redirects not followed, and
/// (4.13+, when the inbox has a secret) <c>X-Chatwoot-Signature</c> and <c>X-Chatwoot-Timestamp</c> over
/// <c>"TIMESTAMP.BODY"</c>. Every attempt is returned as a <see cref="FakeWebhookDelivery"/>.</summary>
internal sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Posts <paramref name="body"/>. The response is null when the transport failed; the delivery's
    /// <see cref="FakeWebhookDelivery.Error"/> then says how, in RestClient's words.</summary>
    public async Task<(HttpResponseMessage? Response, FakeWebhookDelivery Delivery, Exception? Failure)> PostAsync(
        WebhookRequest request, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var timestamp = (request.Signing == WebhookSigning.StaleTimestamp ? now.AddMinutes(-10) : now)
            .ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var deliveryId = Guid.NewGuid().ToString();
        string? signature = null;
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url)
        {
            Content = new StringContent(request.Body, Encoding.UTF8, "application/json"),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Accept.ParseAdd("application/json");
        message.Headers.UserAgent.ParseAdd("rest-client/2.1.0 (linux x86_64) ruby/3.4.4p34");
        message.Headers.Add("X-Chatwoot-Delivery", deliveryId);
        if (request.Signing != WebhookSigning.Unsigned && !string.IsNullOrEmpty(request.Secret))
        {
            var key = request.Signing == WebhookSigning.WrongSignature ? SecureToken.Generate() : request.Secret;
            signature = "sha256=" + Sign(key, timestamp, request.Body);
            message.Headers.Add("X-Chatwoot-Signature", signature);
            message.Headers.Add("X-Chatwoot-Timestamp", timestamp);
        }
        else
        {
            timestamp = null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await _client.SendAsync(message, timeout.Token);
            await response.Content.LoadIntoBufferAsync(timeout.Token);
            var code = (int)response.StatusCode;
            var error = code is >= 200 and < 300 ? null : $"{code} {response.ReasonPhrase}";
            return (response, Delivery(request, signature, timestamp, deliveryId, code, error, now, Stopwatch.GetElapsedTime(started)), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, Delivery(request, signature, timestamp, deliveryId, null, Describe(exception, request.Url), now, Stopwatch.GetElapsedTime(started)), exception);
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>HEX(HMAC-SHA256(secret, "TIMESTAMP.BODY")), as Chatwoot signs (and as a receiver checks).</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    private static FakeWebhookDelivery Delivery(
        WebhookRequest request, string? signature, string? timestamp, string deliveryId, int? code, string? error, DateTimeOffset sentAt, TimeSpan elapsed) =>
        new(request.Event, request.Url, request.Body, signature, timestamp, deliveryId, code, error, request.MessageId, request.ConversationId,
            request.Automatic, sentAt, elapsed);

    // The messages RestClient and Net::HTTP give, which Chatwoot stores as the message's external_error.
    private static string Describe(Exception exception, string url)
    {
        if (exception is OperationCanceledException)
        {
            return "Timed out reading data from server";
        }

        var uri = new Uri(url);
        return exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
            ? $"Failed to open TCP connection to {uri.Host}:{uri.Port} (Connection refused - connect(2) for \"{uri.Host}\" port {uri.Port})"
            : exception.Message;
    }
}
