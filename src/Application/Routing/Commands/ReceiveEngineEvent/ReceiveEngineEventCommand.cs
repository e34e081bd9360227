using Mediator;
using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Routing.Commands.ReceiveEngineEvent;

/// <summary>An event the WhatsApp engine posted for <paramref name="Instance"/>, as raw JSON.</summary>
public sealed record ReceiveEngineEventCommand(Caller Caller, string Instance, string Body, string? EventFromPath)
    : ICommand<IngressResult>;
