using System.Text.Json.Serialization;

namespace RyzeApi.Application.Routing.Model;

/// <summary>The outbox payloads' JSON contracts, generated at build time. Property names as written (PascalCase),
/// as the rows recorded before this contract existed were.</summary>
[JsonSerializable(typeof(WhatsAppMessage))]
[JsonSerializable(typeof(AgentReply))]
[JsonSerializable(typeof(MessageStatusChange))]
[JsonSerializable(typeof(AgentDeletion))]
[JsonSerializable(typeof(ChatPresence))]
[JsonSerializable(typeof(ChatReadMark))]
[JsonSerializable(typeof(ContactProfile))]
internal sealed partial class RoutingJson : JsonSerializerContext;
