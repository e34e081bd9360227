using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Common.Abstractions;

/// <summary>What RyzeApi remembers about chats, conversations and message ids (PostgreSQL).</summary>
public interface IRoutingRepository
{
    Task<RoutedChat?> FindChatAsync(string integrationId, string chatJid, CancellationToken cancellationToken);

    /// <summary>The chat whose current conversation is <paramref name="conversationId"/>: the only way an
    /// agent reply finds its WhatsApp chat.</summary>
    Task<RoutedChat?> FindChatByConversationAsync(string integrationId, long conversationId, CancellationToken cancellationToken);

    Task SaveChatAsync(RoutedChat chat, CancellationToken cancellationToken);

    Task SetConversationStatusAsync(string integrationId, long conversationId, string status, CancellationToken cancellationToken);

    Task<MessageLink?> FindLinkAsync(string integrationId, string whatsAppId, CancellationToken cancellationToken);

    /// <summary>The direction (<see cref="MessageLink.ToChatwoot"/>: RyzeApi created it; <see cref="MessageLink.ToWhatsApp"/>:
    /// RyzeApi already sent it) of the link of a Chatwoot message, or null when it has none.</summary>
    Task<string?> FindChatwootMessageLinkAsync(string integrationId, long chatwootMessageId, CancellationToken cancellationToken);
}
