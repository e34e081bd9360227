using Refit;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>Chatwoot's Application API as Refit sees it. Every method returns the raw response so the
/// adapter can classify any answer, HTML pages and wrong shapes included. The base URL travels per call
/// as a request property (see <see cref="ChatwootTargetHandler"/>); the token as the hyphenated
/// <c>api-access-token</c> header, which survives nginx's default of dropping underscored headers.</summary>
internal interface IChatwootApi
{
    [Post("/api/v1/accounts/{accountId}/inboxes")]
    Task<HttpResponseMessage> CreateInbox(
        long accountId, [Body] CreateInboxBody body, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    [Get("/api/v1/accounts/{accountId}/inboxes")]
    Task<HttpResponseMessage> ListInboxes(
        long accountId, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    [Get("/api/v1/accounts/{accountId}/inboxes/{inboxId}")]
    Task<HttpResponseMessage> GetInbox(
        long accountId, long inboxId, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    [Patch("/api/v1/accounts/{accountId}/inboxes/{inboxId}")]
    Task<HttpResponseMessage> UpdateInbox(
        long accountId, long inboxId, [Body] UpdateInboxBody body, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    [Delete("/api/v1/accounts/{accountId}/inboxes/{inboxId}")]
    Task<HttpResponseMessage> DeleteInbox(
        long accountId, long inboxId, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    [Post("/api/v1/accounts/{accountId}/contacts")]
    Task<HttpResponseMessage> CreateContact(
        long accountId, [Body] CreateContactBody body, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    [Get("/api/v1/accounts/{accountId}/contacts/search")]
    Task<HttpResponseMessage> SearchContacts(
        long accountId, [AliasAs("q")] string query, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    [Post("/api/v1/accounts/{accountId}/contacts/{contactId}/contact_inboxes")]
    Task<HttpResponseMessage> CreateContactInbox(
        long accountId, long contactId, [Body] CreateContactInboxBody body, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    [Post("/api/v1/accounts/{accountId}/conversations")]
    Task<HttpResponseMessage> CreateConversation(
        long accountId, [Body] CreateConversationBody body, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    [Post("/api/v1/accounts/{accountId}/conversations/{conversationId}/toggle_status")]
    Task<HttpResponseMessage> ToggleStatus(
        long accountId, long conversationId, [Body] ToggleStatusBody body, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    [Post("/api/v1/accounts/{accountId}/conversations/{conversationId}/messages")]
    Task<HttpResponseMessage> CreateMessage(
        long accountId, long conversationId, [Body] CreateMessageBody body, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    /// <summary>With attachments: multipart/form-data built by the caller (content, message_type, source_id, attachments[]).</summary>
    [Post("/api/v1/accounts/{accountId}/conversations/{conversationId}/messages")]
    Task<HttpResponseMessage> CreateMessageWithAttachments(
        long accountId, long conversationId, [Body] HttpContent body, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    [Get("/api/v1/accounts/{accountId}/conversations/{conversationId}/messages")]
    Task<HttpResponseMessage> ListMessages(
        long accountId, long conversationId, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);

    [Patch("/api/v1/accounts/{accountId}/conversations/{conversationId}/messages/{messageId}")]
    Task<HttpResponseMessage> UpdateMessage(
        long accountId, long conversationId, long messageId, [Body] UpdateMessageStatusBody body, [Header("api-access-token")] string token,
        [Property(ChatwootTargetHandler.BaseUrlProperty)] string baseUrl, CancellationToken cancellationToken);
}
