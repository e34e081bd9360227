using System.Text.RegularExpressions;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Domain.UnitTests.Chatwoot;

[TestFixture]
public sealed partial class BridgeIntegrationIdTests
{
    [Test]
    public void New_Always_IsIntPrefixFollowedBySixteenLowercaseLettersOrDigits()
    {
        // Arrange
        const int count = 200;

        // Act
        var ids = Enumerable.Range(0, count).Select(_ => BridgeIntegrationId.New()).ToList();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(BridgeIntegrationId.Prefix, Is.EqualTo("int_"));
            Assert.That(ids, Has.Count.EqualTo(count));
            Assert.That(ids, Has.All.Length.EqualTo(20));
            Assert.That(ids, Has.All.Matches(IdPattern()));
        });
    }

    [Test]
    public void New_CalledManyTimes_ReturnsUniqueIds()
    {
        // Arrange
        const int count = 10_000;

        // Act
        var ids = Enumerable.Range(0, count).Select(_ => BridgeIntegrationId.New()).ToList();

        // Assert
        Assert.That(ids.Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(count));
    }

    [Test]
    public void New_CalledManyTimes_UsesTheWholeAlphabet()
    {
        // Arrange
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

        // Act
        var used = Enumerable.Range(0, 2_000)
            .SelectMany(_ => BridgeIntegrationId.New()[BridgeIntegrationId.Prefix.Length..])
            .ToHashSet();

        // Assert
        Assert.That(used, Is.EquivalentTo(alphabet));
    }

    [GeneratedRegex("^int_[a-z0-9]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
