using NUnit.Framework;
using RyzeApi.Architecture.Tests.Support;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace RyzeApi.Architecture.Tests;

/// <summary>Proves the dependency rules flag real violations: applied to the layer that legitimately breaks
/// them, or to samples that break them only inside a method body, they must reject something.</summary>
[TestFixture]
public sealed class DependencyRulesTests
{
    [Test]
    public void NeverOnOuterLayersOrTheirLibraries_Infrastructure_IsRejected()
    {
        // Arrange
        var rule = DependencyRules.NeverOnOuterLayersOrTheirLibraries(Types().That().ResideInAssembly(Layers.Infrastructure));

        // Act
        var violators = rule.Violators();

        // Assert
        Assert.That(violators, Is.SupersetOf(new[] { "ChatwootIntegrationRepository", "DependencyInjection" }));
    }

    [Test]
    public void NeverOnOuterLayersOrTheirLibraries_NpgsqlOnlyInAMethodBody_IsRejected()
    {
        // Arrange
        var rule = DependencyRules.NeverOnOuterLayersOrTheirLibraries(Layers.SampleTypes());

        // Act
        var violators = rule.Violators();

        // Assert
        Assert.That(violators, Is.EqualTo(new[] { "BodyNamesTheWebApi", "BodyUsesNpgsql" }));
    }

    [Test]
    public void NeverOn_WebApiNamedOnlyInAMethodBody_IsRejected()
    {
        // Arrange
        var rule = DependencyRules.NeverOn(Layers.SampleTypes(), Layers.WebApi);

        // Act
        var violators = rule.Violators();

        // Assert
        Assert.That(violators, Is.EqualTo(new[] { "BodyNamesTheWebApi" }));
    }

    [Test]
    public void OnlyOnTheRuntimeAndItself_Application_IsRejected()
    {
        // Arrange
        var rule = DependencyRules.OnlyOnTheRuntimeAndItself(Layers.ApplicationTypes(), Layers.Application);

        // Act
        var violators = rule.Violators();

        // Assert
        Assert.That(violators, Is.SupersetOf(new[] { "ChatwootActivationFieldsValidator", "ChatwootActivator" }));
    }

    [Test]
    public void EachImplementedBy_ForgottenPort_IsRejected()
    {
        // Arrange
        var ports = Types().That().AreNestedIn(typeof(ViolatingSamples));
        var rule = DependencyRules.EachImplementedBy(ports, Layers.SampleTypes());

        // Act
        var violators = rule.Violators();

        // Assert
        Assert.That(violators, Is.EqualTo(new[] { "IForgottenPort" }));
    }

    [Test]
    public void IsForbiddenInApplication_InfrastructureReferences_FlagsItsLibraries()
    {
        // Arrange
        var names = Layers.ReferencedNames(Layers.Infrastructure);

        // Act
        var flagged = names.Where(DependencyRules.IsForbiddenInApplication);

        // Assert
        Assert.That(flagged, Is.SupersetOf(new[] { "Npgsql", "Dapper", "Refit", "Polly.Core", "dbup-postgresql", "Microsoft.Extensions.Http" }));
    }

    [Test]
    public void IsForbiddenInApplication_WebApiReferences_FlagsAspNetCoreAndInfrastructure()
    {
        // Arrange
        var names = Layers.ReferencedNames(Layers.WebApi);

        // Act
        var flagged = names.Where(DependencyRules.IsForbiddenInApplication).ToList();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(flagged, Does.Contain("RyzeApi.Infrastructure"));
            Assert.That(flagged, Has.Some.StartsWith("Microsoft.AspNetCore"));
        });
    }

    [Test]
    public void OutsideSharedFramework_Application_FindsPackagesAndDomain()
    {
        // Arrange
        // (Application legitimately depends on NuGet packages and on Domain)

        // Act
        var outside = DependencyRules.OutsideSharedFramework(Layers.Application);

        // Assert
        Assert.That(outside, Is.SupersetOf(new[] { "FluentValidation", "RyzeApi.Domain" }));
    }

    [TestCase("System.Runtime", true)]
    [TestCase("netstandard", true)]
    [TestCase("FluentValidation", false)]
    [TestCase("RyzeApi.Application", false)]
    [TestCase("RyzeApi.Infrastructure", false)]
    public void IsRuntimeName_Name_ClassifiesIt(string name, bool expected)
    {
        // Arrange
        // (name from the test case)

        // Act
        var runtime = DependencyRules.IsRuntimeName(name);

        // Assert
        Assert.That(runtime, Is.EqualTo(expected));
    }

    [TestCase("Npgsql", true)]
    [TestCase("Microsoft.AspNetCore.Http.Abstractions", true)]
    [TestCase("RyzeApi.Infrastructure", true)]
    [TestCase("RyzeApi.InfrastructureHelpers", false)]
    [TestCase("Microsoft.Extensions.Options", false)]
    public void IsForbiddenInApplication_Name_ClassifiesIt(string name, bool expected)
    {
        // Arrange
        // (name from the test case)

        // Act
        var forbidden = DependencyRules.IsForbiddenInApplication(name);

        // Assert
        Assert.That(forbidden, Is.EqualTo(expected));
    }
}
