namespace RyzeApi.Application.Routing.Model;

/// <summary>What must still hold, in PostgreSQL, for an agent reply verified with <see cref="Ingress.KnownConversations"/>
/// to be recorded: the integration's credentials as <see cref="Credentials"/>, <see cref="ConversationId"/> the
/// conversation of <see cref="ChatJid"/>, and no message link naming <see cref="ChatwootMessageId"/>.</summary>
public sealed record KnownReply(Common.Abstractions.WebhookCredentials Credentials, long ChatwootMessageId, long ConversationId, string ChatJid);
