using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;

/// <summary>Activate (or replace) the Chatwoot integration of an instance.</summary>
public sealed record ActivateChatwootCommand(
    Caller Caller, string Instance, ChatwootActivationFields Fields, string? IdempotencyKey)
    : ICommand<ActivateChatwootResult>, ITimeLimited
{
    public TimeSpan TimeLimit(ChatwootModuleOptions options) => options.ActivationTimeout;
}
