using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Chatwoot.Commands.DeactivateChatwoot;

/// <summary>Stop routing an instance's Chatwoot integration; the inbox is kept in Chatwoot.</summary>
public sealed record DeactivateChatwootCommand(Caller Caller, string Instance) : ICommand;
