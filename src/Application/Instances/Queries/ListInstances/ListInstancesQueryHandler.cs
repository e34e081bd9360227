using RyzeApi.Domain.Instances;

namespace RyzeApi.Application.Instances.Queries.ListInstances;

public sealed class ListInstancesQueryHandler(IInstanceRepository instances)
    : IQueryHandler<ListInstancesQuery, IReadOnlyList<InstanceSummary>>
{
    private const int MaxFaultsShown = 3;
    public async ValueTask<IReadOnlyList<InstanceSummary>> Handle(ListInstancesQuery query, CancellationToken cancellationToken)
    {
        var names = query.Caller.InstanceName is { } own ? [own] : query.Names;
        if (query.Caller.InstanceName is null && query.Names is { } filter)
        {
            EnsureValidFilter(filter);
        }

        var found = await instances.ListAsync(query.Caller.AccountId, names, cancellationToken);
        if (query.Caller.InstanceName is null && names is [_] && found.Count == 0)
        {
            throw new NotFoundException("Instance not found");
        }

        return found;
    }

    // A name no instance can have would find nothing; saying what is wrong with it helps more than an empty list,
    // and a NUL in it must not reach PostgreSQL, which refuses the query.
    private static void EnsureValidFilter(IReadOnlyList<string> names)
    {
        var faults = names.Select(n => InstanceName.Fault(n) is { } fault ? $"instanceName \"{Printable(n)}\" {fault}" : null)
            .OfType<string>().Distinct().ToList();
        if (faults.Count > 0)
        {
            // A few are enough to see the mistake; thousands would make the answer (and its log line) unbounded.
            var shown = faults.Count <= MaxFaultsShown ? faults : [.. faults.Take(MaxFaultsShown), $"and {faults.Count - MaxFaultsShown} more"];
            throw new ValidationException("invalid query", [.. shown, $"an instance name is {InstanceName.Rule}"]);
        }
    }

    // The name as shown in the message: control characters would garble it, and a long one would drown it.
    private static string Printable(string name)
    {
        var shown = new string([.. name.Take(InstanceName.MaxLength).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
        return name.Length > InstanceName.MaxLength ? shown + "..." : shown;
    }
}
