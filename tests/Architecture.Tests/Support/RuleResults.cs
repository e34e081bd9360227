using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;

namespace RyzeApi.Architecture.Tests.Support;

public static class RuleResults
{
    /// <summary>The names of the types <paramref name="rule"/> rejects, sorted.</summary>
    public static string[] Violators(this IArchRule rule) =>
        [.. rule.Evaluate(Layers.Model).Where(r => !r.Passed)
            .Select(r => r.EvaluatedObject is IType type ? type.Name : r.EvaluatedObject.ToString()!)
            .Order(StringComparer.Ordinal)];

    /// <summary>The full names of the types <paramref name="types"/> selects.</summary>
    public static string[] FullNames(this IObjectProvider<IType> types) =>
        [.. types.GetObjects(Layers.Model).Select(t => t.FullName)];
}
