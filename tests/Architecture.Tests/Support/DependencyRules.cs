using System.Reflection;

namespace RyzeApi.Architecture.Tests.Support;

/// <summary>Which assemblies a layer may depend on.</summary>
public static class DependencyRules
{
    private static readonly string[] s_forbiddenInApplication =
        ["Npgsql", "Dapper", "Refit", "Polly", "DbUp", "dbup", "Microsoft.AspNetCore", "Microsoft.Extensions.Http"];

    public static bool IsForbiddenInApplication(string assemblyName) =>
        s_forbiddenInApplication.Any(prefix => assemblyName.StartsWith(prefix, StringComparison.Ordinal))
        || assemblyName is "RyzeApi.Infrastructure" or "RyzeApi.WebApi";

    public static bool IsRuntimeName(string assemblyName) =>
        assemblyName.StartsWith("System", StringComparison.Ordinal) || assemblyName is "netstandard" or "mscorlib";

    /// <summary>Referenced assemblies that do not load from the shared framework directory (NuGet packages, our projects).</summary>
    public static string[] OutsideSharedFramework(Assembly assembly)
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location);
        return [.. assembly.GetReferencedAssemblies()
            .Select(Assembly.Load)
            .Where(a => Path.GetDirectoryName(a.Location) != framework)
            .Select(a => a.GetName().Name!)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The assemblies named anywhere in the signatures of <paramref name="types"/>.</summary>
    public static HashSet<string> AssembliesInSignatures(IEnumerable<Type> types) =>
        [.. types.SelectMany(TypeInspection.SignatureTypes).Select(t => t.Assembly.GetName().Name!)];
}
