using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Common.Abstractions;

/// <summary>What RyzeApi remembers about chats, conversations and message ids (PostgreSQL).</summary>
public interface IRoutingRepository
{
    Task<RoutedChat?> FindChatAsync(string integrationId, string chatJid, CancellationToken cancellationToken);

    Task SaveChatAsync(RoutedChat chat, CancellationToken cancellationToken);

    Task SetConversationStatusAsync(string integrationId, long conversationId, string status, CancellationToken cancellationToken);

    Task<MessageLink?> FindLinkAsync(string integrationId, string whatsAppId, CancellationToken cancellationToken);

    /// <summary>Whether the engine's report that the WhatsApp message was delivered, read or failed has already
    /// been shown in Chatwoot (a "sent" after it would move the tick backwards).</summary>
    /// <summary>Whether an agent's reply to the chat is being sent right now (its outbox row leased): a message
    /// the engine reports as sent from the chat's phone may be that reply's echo, recognised once it is recorded.</summary>
    Task<bool> ReplyInFlightAsync(string integrationId, string chatJid, CancellationToken cancellationToken);

    Task<bool> LaterReportShownAsync(string integrationId, string whatsAppId, CancellationToken cancellationToken);
}
