using NUnit.Framework;
using RyzeApi.Architecture.Tests.Support;

namespace RyzeApi.Architecture.Tests;

[TestFixture]
public sealed class LayerDependencyTests
{
    [Test]
    public void Domain_ReferencesOnlyTheRuntime()
    {
        // Arrange
        var names = Layers.ReferencedNames(Layers.Domain);

        // Act
        var foreign = names.Where(n => !DependencyRules.IsRuntimeName(n));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Contain("System.Runtime"));
            Assert.That(foreign, Is.Empty);
        });
    }

    [Test]
    public void Domain_ReferencedAssembliesAllComeFromTheSharedFramework()
    {
        // Arrange
        var referenced = Layers.Domain.GetReferencedAssemblies();

        // Act
        var outside = DependencyRules.OutsideSharedFramework(Layers.Domain);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(referenced, Is.Not.Empty);
            Assert.That(outside, Is.Empty);
        });
    }

    [Test]
    public void Application_ReferencesDomainButNoOuterLayerOrInfrastructureLibrary()
    {
        // Arrange
        var names = Layers.ReferencedNames(Layers.Application);

        // Act
        var forbidden = names.Where(DependencyRules.IsForbiddenInApplication);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.SupersetOf(new[] { "RyzeApi.Domain", "FluentValidation" }));
            Assert.That(forbidden, Is.Empty);
        });
    }

    [Test]
    public void Application_SignaturesNeverNameOuterLayersOrTheirLibraries()
    {
        // Arrange
        var types = Layers.ApplicationTypes();

        // Act
        var named = DependencyRules.AssembliesInSignatures(types);
        var forbidden = named.Where(DependencyRules.IsForbiddenInApplication);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(types, Has.Length.GreaterThanOrEqualTo(50));
            Assert.That(named, Is.SupersetOf(new[] { "RyzeApi.Domain", "RyzeApi.Application", "FluentValidation" }));
            Assert.That(forbidden, Is.Empty);
        });
    }

    [Test]
    public void Infrastructure_ReferencesApplicationButNotWebApi()
    {
        // Arrange
        var names = Layers.ReferencedNames(Layers.Infrastructure);

        // Act
        var web = names.Where(n => n == "RyzeApi.WebApi");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Contain("RyzeApi.Application"));
            Assert.That(web, Is.Empty);
        });
    }

    [Test]
    public void WebApi_ComposesApplicationAndInfrastructure()
    {
        // Arrange
        var names = Layers.ReferencedNames(Layers.WebApi);

        // Act
        var layers = names.Where(n => n.StartsWith("RyzeApi.", StringComparison.Ordinal));

        // Assert
        Assert.That(layers, Is.SupersetOf(new[] { "RyzeApi.Application", "RyzeApi.Infrastructure" }));
    }
}
