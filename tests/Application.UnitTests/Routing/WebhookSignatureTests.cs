using System.Text;
using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Application.UnitTests.Routing;

[TestFixture]
public sealed class WebhookSignatureTests
{
    private const string Secret = "inbox-secret";
    private static readonly byte[] s_body = Encoding.UTF8.GetBytes("{\"event\":\"message_created\"}");
    private static readonly DateTimeOffset s_now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Test]
    public void Check_SignatureOverTimestampDotBody_IsValid()
    {
        // Arrange
        var signature = "sha256=" + WebhookSignature.Compute(Secret, "1800000000", s_body);

        // Act
        var problem = WebhookSignature.Check(Secret, "1800000000", signature, s_body, s_now);

        // Assert
        Assert.That(problem, Is.Null);
    }

    [Test]
    public void Compute_MatchesAnIndependentHmac()
    {
        // Arrange
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes("1800000000.{\"event\":\"message_created\"}")));

        // Act
        var actual = WebhookSignature.Compute(Secret, "1800000000", s_body);

        // Assert
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Check_BodyChanged_IsRejected()
    {
        // Arrange
        var signature = "sha256=" + WebhookSignature.Compute(Secret, "1800000000", s_body);

        // Act
        var problem = WebhookSignature.Check(Secret, "1800000000", signature, Encoding.UTF8.GetBytes("{}"), s_now);

        // Assert
        Assert.That(problem, Is.EqualTo("X-Chatwoot-Signature does not match the body"));
    }

    [TestCase(301)]
    [TestCase(-301)]
    public void Check_TimestampOutsideFiveMinutes_IsRejected(int skewSeconds)
    {
        // Arrange
        var timestamp = (1_800_000_000 + skewSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = "sha256=" + WebhookSignature.Compute(Secret, timestamp, s_body);

        // Act
        var problem = WebhookSignature.Check(Secret, timestamp, signature, s_body, s_now);

        // Assert
        Assert.That(problem, Is.EqualTo("X-Chatwoot-Timestamp is not within 5 minutes of the server's clock"));
    }

    [Test]
    public void Check_MissingHeaders_IsRejected()
    {
        // Act
        var problem = WebhookSignature.Check(Secret, null, null, s_body, s_now);

        // Assert
        Assert.That(problem, Is.EqualTo("X-Chatwoot-Timestamp and X-Chatwoot-Signature are required for this inbox"));
    }
}
