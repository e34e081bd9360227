using RyzeApi.Application.Routing.Formatting;

namespace RyzeApi.Application.UnitTests.Routing.Formatting;

/// <summary>A message can be long and written to hurt (docs/adr/0014-hostile-text.md): such texts are formatted whole.
/// Formatting is linear in the text's length by construction (markers and line ends read once, non-backtracking
/// patterns); a quadratic pass would keep these 600 000 characters busy for minutes. No time is asserted here: speed
/// belongs in benchmarks, not in tests on a shared machine.</summary>
[TestFixture]
public sealed class LongTextTests
{
    private const int Length = 600_000;

    private static IEnumerable<TestCaseData> HostileTexts()
    {
        yield return new TestCaseData(Repeat("*a ")).SetName("OpenersWithoutCloser");
        yield return new TestCaseData(Repeat("a")).SetName("OneLongWord");
        yield return new TestCaseData(Repeat("a_")).SetName("UnderscoresInsideAWord");
        yield return new TestCaseData("*" + Repeat("a *")).SetName("EveryCloserRefused");
        yield return new TestCaseData(Repeat("**a ")).SetName("DoubleOpeners");
        yield return new TestCaseData(Repeat("\\*")).SetName("Escapes");
        yield return new TestCaseData(Repeat("a.")).SetName("AddressLikeWithoutAt");
        yield return new TestCaseData(Repeat("`")).SetName("OneBacktickRun");
        yield return new TestCaseData(Repeat("`a")).SetName("BackticksNeverClosedTheSameLength");
    }

    [TestCaseSource(nameof(HostileTexts))]
    public void HostileText_IsFormattedWhole(string text)
    {
        // Act
        var toChatwoot = MessageFormatting.ToChatwoot(text);
        var toWhatsApp = MessageFormatting.ToWhatsApp(text);

        // Assert
        Assert.That(toChatwoot.Length, Is.GreaterThanOrEqualTo(text.Length / 2));
        Assert.That(toWhatsApp.Length, Is.GreaterThanOrEqualTo(text.Length / 2));
    }

    private static string Repeat(string part) => string.Concat(Enumerable.Repeat(part, Length / part.Length));
}
