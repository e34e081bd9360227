using NUnit.Framework;
using RyzeApi.Architecture.Tests.Support;

namespace RyzeApi.Architecture.Tests;

/// <summary>Proves the dependency rules flag real violations: applied to the layer that legitimately
/// breaks them (Infrastructure, Application), they must find something.</summary>
[TestFixture]
public sealed class DependencyRulesTests
{
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
    public void AssembliesInSignatures_InfrastructureTypes_FindsNpgsql()
    {
        // Arrange
        var types = Layers.Infrastructure.GetTypes();

        // Act
        var named = DependencyRules.AssembliesInSignatures(types);

        // Assert
        Assert.That(named.Where(DependencyRules.IsForbiddenInApplication), Does.Contain("Npgsql"));
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
    public void IsRuntimeName_Name_ClassifiesIt(string name, bool expected)
    {
        // Arrange
        // (name from the test case)

        // Act
        var runtime = DependencyRules.IsRuntimeName(name);

        // Assert
        Assert.That(runtime, Is.EqualTo(expected));
    }
}
