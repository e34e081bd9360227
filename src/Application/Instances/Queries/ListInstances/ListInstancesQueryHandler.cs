using Mediator;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;

namespace RyzeApi.Application.Instances.Queries.ListInstances;

public sealed class ListInstancesQueryHandler(IInstanceRepository instances)
    : IQueryHandler<ListInstancesQuery, IReadOnlyList<InstanceSummary>>
{
    private readonly IInstanceRepository _instances = instances;

    public async ValueTask<IReadOnlyList<InstanceSummary>> Handle(ListInstancesQuery query, CancellationToken cancellationToken)
    {
        var names = query.Caller.InstanceName is { } own ? [own] : query.Names;
        var found = await _instances.ListAsync(query.Caller.AccountId, names, cancellationToken);
        if (query.Caller.InstanceName is null && names is [_] && found.Count == 0)
        {
            throw new NotFoundException("Instance not found");
        }

        return found;
    }
}
