using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>An engine event, parsed: a message to route, a status to apply, or nothing to do.</summary>
public sealed record EngineEvent(string Name, WhatsAppMessage? Message, MessageStatusChange? Status, string? IgnoredBecause);
