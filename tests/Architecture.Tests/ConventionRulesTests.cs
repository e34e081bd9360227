using NUnit.Framework;
using RyzeApi.Architecture.Tests.Support;

namespace RyzeApi.Architecture.Tests;

/// <summary>Proves each convention fails on the broken samples, so a pass on production code means something.</summary>
[TestFixture]
public sealed class ConventionRulesTests
{
    private static IEnumerable<TestCaseData> Violations()
    {
        yield return Case("requests are sealed", "OpenCommand");
        yield return Case("requests are records", "ClassCommand");
        yield return Case("requests are immutable", "FieldCommand", "MutableQuery");
        yield return Case("commands are named …Command", "DoThing");
        yield return Case("queries are named …Query", "FetchThing");
        yield return Case("handlers are public and sealed", "GoodQueryHandler", "OpenCommandHandler");
        yield return Case("command handlers are named …CommandHandler", "DoThingHandler");
        yield return Case("query handlers are named …QueryHandler", "FetchThingHandler");
        yield return Case("handlers are named after their request", "WrongQueryHandler");
        yield return Case("every request has exactly one handler", "ClassCommand", "FieldCommand", "GoodCommand", "GoodQuery", "MutableQuery");
        yield return Case("handlers never call the mediator", "LookupCommandHandler", "RelayCommandHandler");
        yield return Case("validators are public, sealed and named …Validator", "HiddenValidator", "OpenValidator", "Rules");
        yield return Case("behaviours are public, sealed and named …Behaviour", "OpenBehaviour`2");
    }

    [TestCaseSource(nameof(Violations))]
    public void Convention_BrokenSamples_RejectsExactlyTheBrokenOnes(string convention, string[] expected)
    {
        // Arrange
        var rule = ConventionRules.All[convention](Layers.SampleTypes());

        // Act
        var violators = rule.Violators();

        // Assert
        Assert.That(violators, Is.EqualTo(expected));
    }

    [Test]
    public void Violations_CoverEveryConvention()
    {
        // Arrange
        var covered = Violations().Select(c => (string)c.Arguments[0]!);

        // Act
        // Assert
        Assert.That(covered, Is.EquivalentTo(ConventionRules.All.Keys));
    }

    private static TestCaseData Case(string convention, params string[] violators) =>
        new TestCaseData(convention, violators).SetArgDisplayNames(convention);
}
