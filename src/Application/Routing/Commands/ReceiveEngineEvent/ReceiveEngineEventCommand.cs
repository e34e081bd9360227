using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Routing.Commands.ReceiveEngineEvent;

/// <summary>An event the WhatsApp engine posted for <paramref name="Instance"/>, as the bytes it sent (JSON is UTF-8; they are checked, not decoded with replacement).</summary>
public sealed record ReceiveEngineEventCommand(Caller Caller, string Instance, byte[] Body, string? EventFromPath)
    : ICommand<IngressResult>;
