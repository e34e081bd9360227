using NUnit.Framework;
using RyzeApi.Architecture.Tests.Support;

namespace RyzeApi.Architecture.Tests;

/// <summary>Proves each rule fails on a broken type, so an empty result on production code means something.</summary>
[TestFixture]
public sealed class ConventionRulesTests
{
    private readonly Type[] _samples = typeof(ViolatingSamples).GetNestedTypes(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic);

    [Test]
    public void RequestViolations_BrokenRequests_AreEachReported()
    {
        // Arrange
        var requests = ConventionRules.Requests(_samples);

        // Act
        var violations = ConventionRules.RequestViolations(requests);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(requests, Has.Length.EqualTo(8));
            Assert.That(violations, Is.EquivalentTo(new[]
            {
                "OpenCommand is not sealed",
                "ClassCommand is not a record",
                "DoThing is not named …Command",
                "FetchThing is not named …Query",
                "MutableQuery.Name is mutable",
                "FieldCommand.Field is mutable",
            }));
        });
    }

    [Test]
    public void HandlerViolations_BrokenHandlers_AreEachReported()
    {
        // Arrange
        var handlers = ConventionRules.Handlers(_samples);

        // Act
        var violations = ConventionRules.HandlerViolations(handlers);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(handlers, Has.Length.EqualTo(4));
            Assert.That(violations, Is.EquivalentTo(new[]
            {
                "OpenCommandHandler is not sealed",
                "DoThingHandler is not named …CommandHandler",
                "WrongQueryHandler is not named GoodQueryHandler",
                "GoodQueryHandler is not public",
            }));
        });
    }

    [Test]
    public void ValidatorViolations_BrokenValidators_AreEachReported()
    {
        // Arrange
        var validators = ConventionRules.Validators(_samples);

        // Act
        var violations = ConventionRules.ValidatorViolations(validators);

        // Assert
        Assert.That(violations, Is.EquivalentTo(new[]
        {
            "OpenValidator is not sealed", "HiddenValidator is not public", "Rules is not named …Validator",
        }));
    }

    [Test]
    public void BehaviourViolations_OpenBehaviour_IsReported()
    {
        // Arrange
        var behaviours = ConventionRules.Behaviours(_samples);

        // Act
        var violations = ConventionRules.BehaviourViolations(behaviours);

        // Assert
        Assert.That(violations, Is.EqualTo(new[] { "OpenBehaviour`2 is not sealed" }));
    }
}
