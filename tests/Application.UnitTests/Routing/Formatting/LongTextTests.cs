using System.Diagnostics;
using RyzeApi.Application.Routing.Formatting;

namespace RyzeApi.Application.UnitTests.Routing.Formatting;

/// <summary>A message can be long and written to hurt (docs/adr/0014-hostile-text.md): formatting takes time linear in
/// its length: 600 000 characters that would keep a quadratic pass busy for minutes take well under a second.</summary>
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

    [OneTimeSetUp]
    public static void WarmUp()
    {
        // The first call pays for compiling the patterns; that is not what is measured.
        MessageFormatting.ToChatwoot("*a* https://x.com a_b@x.com");
        MessageFormatting.ToWhatsApp("**a** https://x.com a_b@x.com");
    }

    [TestCaseSource(nameof(HostileTexts))]
    public void HostileText_IsFormattedInLinearTime(string text)
    {
        // Act
        var watch = Stopwatch.StartNew();
        var toChatwoot = MessageFormatting.ToChatwoot(text);
        var toWhatsApp = MessageFormatting.ToWhatsApp(text);
        watch.Stop();

        // Assert: a quadratic pass over this length takes minutes; the bound is loose for a busy machine
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        Assert.That(toChatwoot.Length, Is.GreaterThanOrEqualTo(text.Length / 2));
        Assert.That(toWhatsApp.Length, Is.GreaterThanOrEqualTo(text.Length / 2));
    }

    private static string Repeat(string part) => string.Concat(Enumerable.Repeat(part, Length / part.Length));
}
