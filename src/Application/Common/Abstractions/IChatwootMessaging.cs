namespace RyzeApi.Application.Common.Abstractions;

/// <summary>The Chatwoot calls of message routing: contacts, conversations, messages. Failures are
/// thrown classified like <see cref="IChatwootClient"/>'s.</summary>
public interface IChatwootMessaging
{
    /// <summary>Creates a contact in the inbox; returns its id and the source id of its contact inbox.</summary>
    Task<ChatwootContact> CreateContactAsync(
        ChatwootConnection connection, long inboxId, string name, string identifier, string? phoneNumber, CancellationToken cancellationToken);

    /// <summary>The contact whose identifier is exactly <paramref name="identifier"/>, or null.</summary>
    Task<ChatwootContact?> FindContactAsync(ChatwootConnection connection, long inboxId, string identifier, CancellationToken cancellationToken);

    Task<string> CreateContactInboxAsync(ChatwootConnection connection, long contactId, long inboxId, CancellationToken cancellationToken);

    Task<long> CreateConversationAsync(
        ChatwootConnection connection, long inboxId, long contactId, string sourceId, string status, CancellationToken cancellationToken);

    Task SetConversationStatusAsync(ChatwootConnection connection, long conversationId, string status, CancellationToken cancellationToken);

    Task<long> CreateMessageAsync(ChatwootConnection connection, long conversationId, ChatwootNewMessage message, CancellationToken cancellationToken);

    Task<long?> FindMessageBySourceIdAsync(ChatwootConnection connection, long conversationId, string sourceId, CancellationToken cancellationToken);

    Task UpdateMessageStatusAsync(
        ChatwootConnection connection, long conversationId, long messageId, string status, string? error, CancellationToken cancellationToken);

    /// <summary>Changes the contact's fields that are not null (Chatwoot answers 422 when the phone number or
    /// identifier belongs to another contact).</summary>
    Task UpdateContactAsync(ChatwootConnection connection, long contactId, ChatwootContactChange change, CancellationToken cancellationToken);

    /// <summary>Moves the mergee's conversations and contact inboxes to the base contact and deletes the mergee.</summary>
    Task MergeContactsAsync(ChatwootConnection connection, long baseContactId, long mergeeContactId, CancellationToken cancellationToken);

    /// <summary>The contact's latest conversations (Chatwoot gives at most 20, newest first), of every inbox.</summary>
    Task<IReadOnlyList<ChatwootConversationSummary>> ListContactConversationsAsync(
        ChatwootConnection connection, long contactId, CancellationToken cancellationToken);
}

/// <summary>The fields of a contact to change; null leaves a field as it is.</summary>
public sealed record ChatwootContactChange(string? Name = null, string? Identifier = null, string? PhoneNumber = null, string? AvatarUrl = null);

/// <summary>A conversation as a contact's list shows it.</summary>
public sealed record ChatwootConversationSummary(long Id, long InboxId, string Status);

/// <summary>A Chatwoot contact; <see cref="SourceId"/> is its contact inbox's in our inbox (null when it has none).</summary>
public sealed record ChatwootContact(long Id, string? SourceId);

/// <summary>A message to create. <see cref="MessageType"/> is <c>incoming</c> or <c>outgoing</c>; <see cref="ReplyTo"/>
/// makes Chatwoot show it as a reply.</summary>
public sealed record ChatwootNewMessage(
    string? Content, string MessageType, bool Private, string? SourceId, IReadOnlyList<MediaFile> Attachments, ChatwootReplyTo? ReplyTo = null);

/// <summary>The message a new one replies to: <c>content_attributes.in_reply_to_external_id</c> (its source id, which
/// Chatwoot looks up in the conversation) and, when RyzeApi knows it, <c>in_reply_to</c> (its Chatwoot id, the only
/// way to point at an agent's message, which has no source id).</summary>
public sealed record ChatwootReplyTo(string ExternalId, long? MessageId);

/// <summary>A file in memory, to upload.</summary>
public sealed record MediaFile(byte[] Content, string FileName, string ContentType);
