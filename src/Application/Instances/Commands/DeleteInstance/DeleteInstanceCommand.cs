using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Instances.Commands.DeleteInstance;

/// <summary>Delete an instance and its Chatwoot integration (the Chatwoot inbox is kept).</summary>
public sealed record DeleteInstanceCommand(Caller Caller, string Instance) : ICommand;
