using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Common.Abstractions;

/// <summary>What RyzeApi remembers about chats, conversations and message ids (PostgreSQL).</summary>
public interface IRoutingRepository
{
    /// <summary>The chats of one person: the one keyed by <paramref name="chatKey"/> first, then any other chat that
    /// holds <paramref name="lid"/> or <paramref name="phoneJid"/> (two until they are merged).</summary>
    Task<IReadOnlyList<RoutedChat>> FindChatsAsync(string integrationId, string chatKey, string? phoneJid, string? lid, CancellationToken cancellationToken);

    Task SaveChatAsync(RoutedChat chat, CancellationToken cancellationToken);

    /// <summary>One person's two chats become <paramref name="survivor"/>: the other chat's conversations are its
    /// conversations now (agent replies there still reach the person), and the other chat is forgotten.</summary>
    Task AbsorbChatAsync(RoutedChat survivor, string absorbedChatJid, CancellationToken cancellationToken);

    Task SetConversationStatusAsync(string integrationId, long conversationId, string status, CancellationToken cancellationToken);

    Task<MessageLink?> FindLinkAsync(string integrationId, string whatsAppId, CancellationToken cancellationToken);

    /// <summary>Whether an agent's reply to the chat is being sent right now (its outbox row leased): a message
    /// the engine reports as sent from the chat's phone may be that reply's echo, recognised once it is recorded.
    /// <paramref name="otherKey"/> is another key the chat's replies may run under (a person's LID or phone JID).</summary>
    Task<bool> ReplyInFlightAsync(string integrationId, string chatJid, string? otherKey, CancellationToken cancellationToken);

    /// <summary>The furthest of the engine's reports already shown in Chatwoot for the WhatsApp message (<c>read</c>,
    /// then <c>delivered</c>, then <c>failed</c>), or null: a <c>sent</c> after it would move the tick backwards.</summary>
    Task<string?> LatestReportShownAsync(string integrationId, string whatsAppId, CancellationToken cancellationToken);
}
