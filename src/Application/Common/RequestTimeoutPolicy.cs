namespace RyzeApi.Application.Common;

/// <summary>A request's limit is the one its type declares (<see cref="ITimeLimited"/>); today only activation has one
/// (60 s, <c>Chatwoot__ActivationTimeout</c>; docs/operations.md).</summary>
public sealed class RequestTimeoutPolicy(IOptions<ChatwootModuleOptions> options) : IRequestTimeoutPolicy
{
    public TimeSpan? TimeoutFor(object request) => request is ITimeLimited limited ? limited.TimeLimit(options.Value) : null;
}
