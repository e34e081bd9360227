using ArchUnitNET.NUnit;
using NUnit.Framework;
using RyzeApi.Architecture.Tests.Support;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace RyzeApi.Architecture.Tests;

[TestFixture]
public sealed class LayerDependencyTests
{
    [Test]
    public void Domain_DependsOnlyOnTheRuntime()
    {
        // Arrange
        var rule = DependencyRules.OnlyOnTheRuntimeAndItself(Types().That().ResideInAssembly(Layers.Domain), Layers.Domain);
        var names = Layers.ReferencedNames(Layers.Domain);

        // Act
        var foreign = names.Where(n => !DependencyRules.IsRuntimeName(n));

        // Assert
        rule.Check(Layers.Model);
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
    public void Application_NeverDependsOnOuterLayersOrTheirLibraries()
    {
        // Arrange
        var types = Layers.ApplicationTypes().GetObjects(Layers.Model).ToList();
        var rule = DependencyRules.NeverOnOuterLayersOrTheirLibraries(Types().That().ResideInAssembly(Layers.Application));

        // Act
        var seen = types.SelectMany(t => t.Dependencies).Select(d => new System.Reflection.AssemblyName(d.Target.Assembly.FullName).Name).ToHashSet();

        // Assert
        rule.Check(Layers.Model);
        Assert.Multiple(() =>
        {
            Assert.That(types, Has.Count.GreaterThanOrEqualTo(50));
            Assert.That(seen, Is.SupersetOf(new[] { "RyzeApi.Domain", "RyzeApi.Application", "FluentValidation" }));
        });
    }

    [Test]
    public void Infrastructure_ReferencesApplicationButNeverTheWebApi()
    {
        // Arrange
        var rule = DependencyRules.NeverOn(Types().That().ResideInAssembly(Layers.Infrastructure), Layers.WebApi);
        var names = Layers.ReferencedNames(Layers.Infrastructure);

        // Act
        var web = names.Where(n => n == "RyzeApi.WebApi");

        // Assert
        rule.Check(Layers.Model);
        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Contain("RyzeApi.Application"));
            Assert.That(web, Is.Empty);
        });
    }

    [Test]
    public void ApplicationPorts_AreEachImplemented_MostlyByInfrastructure()
    {
        // Arrange
        var ports = Types().That().ResideInNamespace("RyzeApi.Application.Common.Abstractions");
        var production = Types().That().ResideInAssembly(Layers.Application, Layers.Infrastructure, Layers.WebApi);
        var rule = DependencyRules.EachImplementedBy(ports, production);

        // Act
        var byInfrastructure = Classes().That().ResideInAssembly(Layers.Infrastructure).GetObjects(Layers.Model)
            .SelectMany(c => c.ImplementedInterfaces)
            .Where(i => i.Namespace.FullName == "RyzeApi.Application.Common.Abstractions")
            .Distinct();

        // Assert
        rule.Check(Layers.Model);
        Assert.That(byInfrastructure.Count(), Is.GreaterThanOrEqualTo(10));
    }

    [Test]
    public void WebApi_ComposesApplicationAndInfrastructure()
    {
        // Arrange
        // (a positive check on the references; ArchUnitNET rules say what every type must or must not do)
        var names = Layers.ReferencedNames(Layers.WebApi);

        // Act
        var layers = names.Where(n => n.StartsWith("RyzeApi.", StringComparison.Ordinal));

        // Assert
        Assert.That(layers, Is.SupersetOf(new[] { "RyzeApi.Application", "RyzeApi.Infrastructure" }));
    }
}
