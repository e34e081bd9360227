using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>Chatwoot 4.13+'s API-inbox webhook signature: <c>X-Chatwoot-Signature: sha256=&lt;hex
/// HMAC-SHA256(secret, "&lt;timestamp&gt;.&lt;raw body&gt;")&gt;</c> with <c>X-Chatwoot-Timestamp</c> in Unix seconds.</summary>
public static class WebhookSignature
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <returns>Null when valid, else why not (for the 401 message).</returns>
    public static string? Check(string secret, string? timestamp, string? signature, byte[] body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return "X-Chatwoot-Timestamp and X-Chatwoot-Signature are required for this inbox";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).TotalSeconds) > MaxAge.TotalSeconds)
        {
            return "X-Chatwoot-Timestamp is not within 5 minutes of the server's clock";
        }

        var expected = Compute(secret, timestamp, body);
        var given = signature.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? signature[7..] : signature;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant()))
            ? null
            : "X-Chatwoot-Signature does not match the body";
    }

    public static string Compute(string secret, string timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed, prefix.Length);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
