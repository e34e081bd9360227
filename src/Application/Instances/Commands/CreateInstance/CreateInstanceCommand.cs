using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Instances.Commands.CreateInstance;

/// <summary>Create an instance, optionally with a custom TokenInstance and an inline Chatwoot activation.</summary>
public sealed record CreateInstanceCommand(Caller Caller, string? Name, string? Token, ChatwootActivationFields? Chatwoot)
    : ICommand<CreateInstanceResult>
{
    public override string ToString() => $"CreateInstanceCommand {{ Name = {Name}, Chatwoot = {Chatwoot} }}";
}
