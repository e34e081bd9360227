using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;

namespace RyzeApi.Application.UnitTests.Chatwoot.Commands.ActivateChatwoot;

/// <summary>An Idempotency-Key stored before <c>markReadOnReply</c> existed still matches the same body sent again.</summary>
[TestFixture]
public sealed class MarkReadOnReplyFingerprintTests
{
    [Test]
    public void Fingerprint_MarkReadOnReplyOnByDefault_IsTheFingerprintOfBeforeTheSetting()
    {
        // Arrange: the fingerprint as it was computed before the setting
        var fields = new ChatwootActivationFields("https://chatwoot.example.com", 5, "token", "Support", new ChatwootSettings(true, false, false, true));
        var before = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object?[]
        {
            "https://chatwoot.example.com", 5L, "token", "Support", true, false, false, true,
        })));

        // Act
        var now = ActivateChatwootCommandHandler.Fingerprint(fields);

        // Assert
        Assert.That(now, Is.EqualTo(before));
    }
}
