using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Instances.Queries.ListInstances;

/// <summary>List the caller's instances; an account may filter by names, an instance token sees itself.</summary>
public sealed record ListInstancesQuery(Caller Caller, IReadOnlyList<string>? Names) : IQuery<IReadOnlyList<InstanceSummary>>;
