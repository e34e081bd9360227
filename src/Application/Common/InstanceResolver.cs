using RyzeApi.Application.Common.Security;
using RyzeApi.Domain.Instances;

namespace RyzeApi.Application.Common;

/// <summary>Finds the instance a caller addresses. Another account's instance and a name that does not
/// exist look the same (404), so existence never leaks across accounts.</summary>
public sealed class InstanceResolver(IInstanceRepository instances)
{
    public async Task<InstanceRecord> ResolveAsync(
        Caller caller, string name, string notFoundMessage, CancellationToken cancellationToken)
    {
        EnsureValidPathName(name);
        return EnsureVisible(caller, await instances.FindByNameAsync(name, cancellationToken), notFoundMessage);
    }

    /// <summary>A name in the path that no instance can have is the caller's mistake (400 naming what is wrong), not an
    /// unknown instance; and a NUL in it must not reach PostgreSQL, which refuses the query.</summary>
    public static void EnsureValidPathName(string name)
    {
        if (InstanceName.Fault(name) is { } fault)
        {
            throw new ValidationException("invalid path", [$"the instance name {fault} - an instance name is {InstanceName.Rule}"]);
        }
    }

    /// <summary>The instance when the caller may address it; otherwise 404 (for a found instance read another way).</summary>
    public static InstanceRecord EnsureVisible(Caller caller, InstanceRecord? instance, string notFoundMessage)
    {
        if (instance is null
            || instance.AccountId != caller.AccountId
            || (caller.InstanceId is { } own && own != instance.Id))
        {
            throw new NotFoundException(notFoundMessage);
        }

        return instance;
    }
}
