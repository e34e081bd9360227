using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>An engine event, parsed: a message to route, a status to apply, the WhatsApp session's state
/// (<see cref="SessionState"/>, folded by <see cref="SessionStates"/>), or nothing to do.</summary>
public sealed record EngineEvent(string Name, WhatsAppMessage? Message, MessageStatusChange? Status, string? IgnoredBecause, string? SessionState = null);
