namespace RyzeApi.Application.Routing.Model;

/// <summary>A claimed unit of work. <see cref="Attempts"/> counts this attempt too. <see cref="Chat"/> is what was
/// known of its WhatsApp chat when it was claimed (a WhatsApp message of a chat seen before), else null.</summary>
public sealed record OutboxItem(long Id, string IntegrationId, string Kind, string ChatKey, string Payload, int Attempts, RoutedChat? Chat = null);

/// <summary>A unit of work to record.</summary>
public sealed record NewOutboxItem(string IntegrationId, string Kind, string ChatKey, string? DedupeKey, string Payload);

/// <summary>What must still hold, in PostgreSQL, for an agent reply verified with <see cref="Ingress.KnownConversations"/>
/// to be recorded: the integration's credentials as <see cref="Credentials"/>, <see cref="ConversationId"/> the
/// conversation of <see cref="ChatJid"/>, and no message link naming <see cref="ChatwootMessageId"/>.</summary>
public sealed record KnownReply(Common.Abstractions.WebhookCredentials Credentials, long ChatwootMessageId, long ConversationId, string ChatJid);
