using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;

namespace RyzeApi.Application.UnitTests.Chatwoot.Commands.ActivateChatwoot;

[TestFixture]
public sealed class ActivateChatwootFingerprintTests
{
    private static readonly ChatwootActivationFields s_base =
        new("https://chatwoot.example.com", 5, "token", "Support", new ChatwootSettings(false, false, false, false));

    private static IEnumerable<TestCaseData> Variations()
    {
        yield return new TestCaseData(s_base with { ChatwootBaseUrl = "https://other.example.com" }).SetArgDisplayNames("baseUrl");
        yield return new TestCaseData(s_base with { ChatwootAccountId = 6 }).SetArgDisplayNames("accountId");
        yield return new TestCaseData(s_base with { ChatwootApiToken = "token2" }).SetArgDisplayNames("apiToken");
        yield return new TestCaseData(s_base with { InboxName = "Sales" }).SetArgDisplayNames("inboxName");
        yield return new TestCaseData(s_base with { Settings = s_base.Settings with { SignMessages = true } }).SetArgDisplayNames("signMessages");
        yield return new TestCaseData(s_base with { Settings = s_base.Settings with { IgnoreGroups = true } }).SetArgDisplayNames("ignoreGroups");
        yield return new TestCaseData(s_base with { Settings = s_base.Settings with { StartAsPending = true } }).SetArgDisplayNames("startAsPending");
        yield return new TestCaseData(s_base with { Settings = s_base.Settings with { ReopenResolved = true } }).SetArgDisplayNames("reopenResolved");
        yield return new TestCaseData(s_base with { Settings = s_base.Settings with { MarkReadOnReply = false } }).SetArgDisplayNames("markReadOnReply");
    }

    [Test]
    public void Fingerprint_SameFields_IsEqualSha256()
    {
        // Arrange
        var copy = s_base with { Settings = new ChatwootSettings(false, false, false, false) };

        // Act
        var first = ActivateChatwootCommandHandler.Fingerprint(s_base);
        var second = ActivateChatwootCommandHandler.Fingerprint(copy);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Length.EqualTo(32));
            Assert.That(second, Is.EqualTo(first));
        });
    }

    [Test]
    public void Fingerprint_BaseUrlWithTrailingSlash_IsEqual()
    {
        // Arrange
        var withSlash = s_base with { ChatwootBaseUrl = "https://chatwoot.example.com/" };

        // Act
        var fingerprint = ActivateChatwootCommandHandler.Fingerprint(withSlash);

        // Assert
        Assert.That(fingerprint, Is.EqualTo(ActivateChatwootCommandHandler.Fingerprint(s_base)));
    }

    [Test]
    public void Fingerprint_InboxNameOmittedOrDefault_IsEqual()
    {
        // Arrange
        var omitted = s_base with { InboxName = null };
        var explicitDefault = s_base with { InboxName = "RyzeAPI" };

        // Act
        var fingerprint = ActivateChatwootCommandHandler.Fingerprint(omitted);

        // Assert
        Assert.That(fingerprint, Is.EqualTo(ActivateChatwootCommandHandler.Fingerprint(explicitDefault)));
    }

    [TestCaseSource(nameof(Variations))]
    public void Fingerprint_AnyFieldDiffers_IsDifferent(ChatwootActivationFields changed)
    {
        // Arrange
        var original = ActivateChatwootCommandHandler.Fingerprint(s_base);

        // Act
        var fingerprint = ActivateChatwootCommandHandler.Fingerprint(changed);

        // Assert
        Assert.That(fingerprint, Is.Not.EqualTo(original));
    }
}
