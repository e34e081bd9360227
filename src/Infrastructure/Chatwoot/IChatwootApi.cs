using Refit;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>Chatwoot's Application API as Refit sees it, routes relative to the account. Each method takes the
/// integration's <see cref="ChatwootConnection"/> as a request option, which <see cref="ChatwootTargetHandler"/>
/// turns into the URL and the token header. Answers are typed but lenient (<see cref="InboxAnswer"/> and its kin); the
/// adapters judge them through <see cref="ChatwootAnswer"/>.</summary>
internal interface IChatwootApi
{
    [Post("/inboxes")]
    Task<IApiResponse<InboxAnswer>> CreateInbox([Body] CreateInboxBody body, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Get("/inboxes")]
    Task<IApiResponse<PayloadList<InboxAnswer>>> ListInboxes([Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Get("/inboxes/{inboxId}")]
    Task<IApiResponse<InboxAnswer>> GetInbox(long inboxId, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Patch("/inboxes/{inboxId}")]
    Task<IApiResponse<InboxAnswer>> UpdateInbox(
        long inboxId, [Body] UpdateInboxBody body, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Delete("/inboxes/{inboxId}")]
    Task<IApiResponse<AnyObject>> DeleteInbox(long inboxId, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Post("/contacts")]
    Task<IApiResponse<ContactAnswer>> CreateContact([Body] CreateContactBody body, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Get("/contacts/search")]
    Task<IApiResponse<PayloadList<ContactAnswer>>> SearchContacts(
        [AliasAs("q")] string query, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Post("/contacts/{contactId}/contact_inboxes")]
    Task<IApiResponse<ContactInboxAnswer>> CreateContactInbox(
        long contactId, [Body] CreateContactInboxBody body, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Post("/conversations")]
    Task<IApiResponse<IdAnswer>> CreateConversation(
        [Body] CreateConversationBody body, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Post("/conversations/{conversationId}/toggle_status")]
    Task<IApiResponse<AnyObject>> ToggleStatus(
        long conversationId, [Body] ToggleStatusBody body, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Post("/conversations/{conversationId}/messages")]
    Task<IApiResponse<IdAnswer>> CreateMessage(
        long conversationId, [Body] CreateMessageBody body, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    /// <summary>With attachments: multipart/form-data built by the caller (content, message_type, source_id, attachments[]).</summary>
    [Post("/conversations/{conversationId}/messages")]
    Task<IApiResponse<IdAnswer>> CreateMessageWithAttachments(
        long conversationId, [Body] HttpContent body, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Get("/conversations/{conversationId}/messages")]
    Task<IApiResponse<PayloadList<IdAnswer>>> ListMessages(
        long conversationId, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Patch("/conversations/{conversationId}/messages/{messageId}")]
    Task<IApiResponse<AnyObject>> UpdateMessage(
        long conversationId, long messageId, [Body] UpdateMessageStatusBody body, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Put("/contacts/{contactId}")]
    Task<IApiResponse<ContactAnswer>> UpdateContact(
        long contactId, [Body] UpdateContactBody body, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Post("/actions/contact_merge")]
    Task<IApiResponse<ContactAnswer>> MergeContacts(
        [Body] ContactMergeBody body, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    [Get("/contacts/{contactId}/conversations")]
    Task<IApiResponse<PayloadList<ConversationAnswer>>> ListContactConversations(
        long contactId, [Property(Connection)] ChatwootConnection connection, CancellationToken cancellationToken);

    private const string Connection = ChatwootTargetHandler.ConnectionProperty;
}
