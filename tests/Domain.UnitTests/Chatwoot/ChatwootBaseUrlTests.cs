using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Domain.UnitTests.Chatwoot;

[TestFixture]
public sealed class ChatwootBaseUrlTests
{
    [TestCase("https://chatwoot.example.com", "https://chatwoot.example.com")]
    [TestCase("http://chatwoot.example.com", "http://chatwoot.example.com")]
    [TestCase("https://chatwoot.example.com/", "https://chatwoot.example.com")]
    [TestCase("https://chatwoot.example.com//", "https://chatwoot.example.com")]
    [TestCase("https://chatwoot.example.com:8443/", "https://chatwoot.example.com:8443")]
    [TestCase("https://example.com/chatwoot/", "https://example.com/chatwoot")]
    [TestCase("http://10.0.0.5:3000", "http://10.0.0.5:3000")]
    [TestCase("HTTPS://Chatwoot.Example.com/", "HTTPS://Chatwoot.Example.com")]
    [TestCase("https://[2001:db8::1]:3000/", "https://[2001:db8::1]:3000")]
    public void TryNormalize_AbsoluteHttpUrl_ReturnsTrueWithoutTrailingSlash(string value, string expected)
    {
        // Arrange
        // (value from the test case)

        // Act
        var accepted = ChatwootBaseUrl.TryNormalize(value, out var normalized);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(accepted, Is.True);
            Assert.That(normalized, Is.EqualTo(expected));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(" https://chatwoot.example.com")]
    [TestCase("https://chatwoot.example.com ")]
    [TestCase("https://chatwoot.example.com\n")]
    [TestCase("chatwoot.example.com")]
    [TestCase("/api/v1")]
    [TestCase("//chatwoot.example.com")]
    [TestCase("ftp://chatwoot.example.com")]
    [TestCase("file:///etc/passwd")]
    [TestCase("javascript:alert(1)")]
    [TestCase("https://chatwoot.example.com/?x=1")]
    [TestCase("https://chatwoot.example.com?x=1")]
    [TestCase("https://chatwoot.example.com/#top")]
    [TestCase("https://user:pass@chatwoot.example.com")]
    [TestCase("https://user@chatwoot.example.com")]
    [TestCase("https://")]
    [TestCase("https://chatwoot.example.com/?")]
    [TestCase("https://chatwoot.example.com#")]
    [TestCase("https://@chatwoot.example.com")]
    [TestCase("https://chatwoot.example.com/ /")]
    [TestCase("https://chatwoot.example.com\t")]
    [TestCase("https://chatwoot.example.com/my chatwoot")]
    [TestCase("https:\\\\chatwoot.example.com")]
    [TestCase("https://chatwoot.example.com\\")]
    [TestCase("https://chatwoot.example.com/\u0000")]
    [TestCase("https:chatwoot.example.com")]
    [TestCase("http:x")]
    [TestCase("https:/chatwoot.example.com")]
    public void TryNormalize_InvalidUrl_ReturnsFalseAndEmpty(string? value)
    {
        // Arrange
        // (value from the test case)

        // Act
        var accepted = ChatwootBaseUrl.TryNormalize(value, out var normalized);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(accepted, Is.False);
            Assert.That(normalized, Is.Empty);
        });
    }
}
