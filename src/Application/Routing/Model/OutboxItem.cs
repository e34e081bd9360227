namespace RyzeApi.Application.Routing.Model;

/// <summary>A claimed unit of work. <see cref="Attempts"/> counts this attempt too. <see cref="Chat"/> is what was
/// known of its WhatsApp chat when it was claimed (a WhatsApp message of a chat seen before), else null.</summary>
public sealed record OutboxItem(long Id, string IntegrationId, string Kind, string ChatKey, string Payload, int Attempts, RoutedChat? Chat = null);

/// <summary>A unit of work to record.</summary>
public sealed record NewOutboxItem(string IntegrationId, string Kind, string ChatKey, string? DedupeKey, string Payload);
