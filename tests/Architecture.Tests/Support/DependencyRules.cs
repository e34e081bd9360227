using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using Assembly = System.Reflection.Assembly;

namespace RyzeApi.Architecture.Tests.Support;

/// <summary>Which assemblies a layer may depend on. ArchUnitNET reads the IL, so a dependency counts
/// wherever it stands: signatures, attributes and method bodies alike.</summary>
public static class DependencyRules
{
    /// <summary>Assembly names Application may never use: the outer layers and their libraries.</summary>
    public const string ForbiddenInApplication =
        @"^(Npgsql|Dapper|Refit|Polly|DbUp|dbup|Microsoft\.AspNetCore|Microsoft\.Extensions\.Http)|^RyzeApi\.(Infrastructure|WebApi)(,|$)";

    private const string Runtime = @"^(System(\.[\w.]+)?|netstandard|mscorlib)(,|$)";

    public static bool IsForbiddenInApplication(string assemblyName) => Regex.IsMatch(assemblyName, ForbiddenInApplication);

    public static bool IsRuntimeName(string assemblyName) => Regex.IsMatch(assemblyName, Runtime);

    public static IArchRule OnlyOnTheRuntimeAndItself(GivenTypesConjunction types, Assembly own) =>
        types.Should().OnlyDependOn(Types(true).That().ResideInAssembly(own).Or().ResideInAssemblyMatching(Runtime));

    public static IArchRule NeverOnOuterLayersOrTheirLibraries(GivenTypesConjunction types) =>
        types.Should().NotDependOnAnyTypesThat().ResideInAssemblyMatching(ForbiddenInApplication);

    public static IArchRule NeverOn(GivenTypesConjunction types, Assembly layer) =>
        types.Should().NotDependOnAnyTypesThat().ResideInAssembly(layer);

    /// <summary>Every port (interface) of <paramref name="ports"/> has a class among <paramref name="implementers"/>
    /// that implements it, so no port is dead or served only by tests.</summary>
    public static IArchRule EachImplementedBy(IObjectProvider<IType> ports, IObjectProvider<IType> implementers) =>
        Interfaces().That().Are(ports).Should().FollowCustomCondition(
            port => implementers.GetObjects(Layers.Model).Any(c => c is Class && c.ImplementedInterfaces.Any(i => i.FullName == port.FullName)),
            "be implemented", "has no implementation");

    /// <summary>Referenced assemblies that do not load from the shared framework directory (NuGet packages,
    /// our projects). Hand-written: ArchUnitNET sees types, not the folder their assembly loads from.</summary>
    public static string[] OutsideSharedFramework(Assembly assembly)
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location);
        return [.. assembly.GetReferencedAssemblies()
            .Select(Assembly.Load)
            .Where(a => Path.GetDirectoryName(a.Location) != framework)
            .Select(a => a.GetName().Name!)
            .Order(StringComparer.Ordinal)];
    }
}
