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
}
