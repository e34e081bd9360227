using System.Reflection;

namespace RyzeApi.Architecture.Tests.Support;

/// <summary>The four production assemblies, each found through a type it is known to contain.</summary>
public static class Layers
{
    public static Assembly Domain { get; } = typeof(Domain.Chatwoot.BridgeIntegrationId).Assembly;

    public static Assembly Application { get; } = typeof(Application.DependencyInjection).Assembly;

    public static Assembly Infrastructure { get; } = typeof(Infrastructure.DependencyInjection).Assembly;

    public static Assembly WebApi { get; } = typeof(Program).Assembly;

    public static string[] ReferencedNames(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal)];

    /// <summary>The Application types written by us (not the ones the Mediator source generator emits).</summary>
    public static Type[] ApplicationTypes() =>
        [.. Application.GetTypes().Where(t => t.Namespace?.StartsWith("RyzeApi.Application", StringComparison.Ordinal) == true)];
}
