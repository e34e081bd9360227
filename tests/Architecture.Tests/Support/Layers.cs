using ArchUnitNET.Loader;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using Assembly = System.Reflection.Assembly;

namespace RyzeApi.Architecture.Tests.Support;

/// <summary>The four production assemblies, each found through a type it is known to contain, and the
/// ArchUnitNET model of them (plus this assembly, whose samples break the rules on purpose).</summary>
public static class Layers
{
    public static Assembly Domain { get; } = typeof(Domain.Chatwoot.BridgeIntegrationId).Assembly;

    public static Assembly Application { get; } = typeof(Application.DependencyInjection).Assembly;

    public static Assembly Infrastructure { get; } = typeof(Infrastructure.DependencyInjection).Assembly;

    public static Assembly WebApi { get; } = typeof(Program).Assembly;

    public static ArchUnitNET.Domain.Architecture Model { get; } =
        new ArchLoader().LoadAssemblies(Domain, Application, Infrastructure, WebApi, typeof(Layers).Assembly).Build();

    /// <summary>The Application types written by us (not the ones the Mediator source generator emits).</summary>
    public static GivenTypesConjunction ApplicationTypes() =>
        Types().That().ResideInAssembly(Application).And().ResideInNamespaceOrBelow("RyzeApi.Application");

    /// <summary>The deliberately broken types of <see cref="ViolatingSamples"/>.</summary>
    public static GivenTypesConjunction SampleTypes() => Types().That().AreNestedIn(typeof(ViolatingSamples));

    public static string[] ReferencedNames(Assembly assembly) =>
        [.. Model.Assemblies.Single(a => a.Name == assembly.GetName().Name).ReferencedAssemblyNames
            .Select(n => new System.Reflection.AssemblyName(n).Name!).Order(StringComparer.Ordinal)];
}
