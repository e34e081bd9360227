using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Common.Abstractions;

/// <summary>What RyzeApi remembers about chats, conversations and message ids (PostgreSQL).</summary>
public interface IRoutingRepository
{
    Task<RoutedChat?> FindChatAsync(string integrationId, string chatJid, CancellationToken cancellationToken);

    Task SaveChatAsync(RoutedChat chat, CancellationToken cancellationToken);

    Task SetConversationStatusAsync(string integrationId, long conversationId, string status, CancellationToken cancellationToken);

    Task<MessageLink?> FindLinkAsync(string integrationId, string whatsAppId, CancellationToken cancellationToken);

    /// <summary>Whether an agent's reply to the chat is being sent right now (its outbox row leased): a message
    /// the engine reports as sent from the chat's phone may be that reply's echo, recognised once it is recorded.</summary>
    Task<bool> ReplyInFlightAsync(string integrationId, string chatJid, CancellationToken cancellationToken);

    /// <summary>The furthest of the engine's reports already shown in Chatwoot for the WhatsApp message (<c>read</c>,
    /// then <c>delivered</c>, then <c>failed</c>), or null: a <c>sent</c> after it would move the tick backwards.</summary>
    Task<string?> LatestReportShownAsync(string integrationId, string whatsAppId, CancellationToken cancellationToken);
}
