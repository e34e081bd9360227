namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Chatwoot's Application API. Every failure is thrown already classified:
/// <see cref="Exceptions.UpstreamRejectedException"/>, <see cref="Exceptions.UpstreamUnavailableException"/>
/// or, for a base URL the server refuses to call, <see cref="Exceptions.ValidationException"/>.</summary>
public interface IChatwootClient
{
    Task<ChatwootInbox> CreateApiInboxAsync(
        ChatwootConnection connection, string name, string webhookUrl, CancellationToken cancellationToken);

    Task<ChatwootInbox> GetInboxAsync(ChatwootConnection connection, long inboxId, CancellationToken cancellationToken);

    Task SetInboxWebhookAsync(
        ChatwootConnection connection, long inboxId, string webhookUrl, CancellationToken cancellationToken);

    Task DeleteInboxAsync(ChatwootConnection connection, long inboxId, CancellationToken cancellationToken);

    /// <summary>The id of the account's inbox whose webhook URL is exactly <paramref name="webhookUrl"/>, or null.
    /// Each activation sends a webhook URL of its own, so this finds the inbox an unreadable creation answer made.</summary>
    Task<long?> FindInboxByWebhookUrlAsync(ChatwootConnection connection, string webhookUrl, CancellationToken cancellationToken);
}
