using System.Net.Http.Headers;
using System.Text.Json;
using RyzeApi.Application.Common.Abstractions;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>Adapts the Refit client to <see cref="IChatwootMessaging"/>. Accepts the shapes Chatwoot's versions
/// differ in (a contact wrapped in <c>payload</c> or not), but every id RyzeApi keeps must be a positive integer
/// and every source id a usable string (<see cref="ChatwootAnswer"/>); failures are classified as for activation.</summary>
internal sealed class ChatwootMessaging(IChatwootApi api) : IChatwootMessaging
{
    public async Task<ChatwootContact> CreateContactAsync(
        ChatwootConnection connection, long inboxId, string name, string identifier, string? phoneNumber, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("POST", connection, "/contacts");
        using var response = await ChatwootClient.SendAsync(call, () => api.CreateContact(
            connection.AccountId, new CreateContactBody(inboxId, name, identifier, phoneNumber), connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var answer = await ChatwootAnswer.ReadAsync(call, response, cancellationToken);
        // 4.x: {"payload": {"contact": {...}, "contact_inbox": {"source_id": ...}}}; older: the contact itself.
        var payload = answer.OptionalObject(answer.Root, "payload", "the payload") ?? answer.Root;
        var contact = answer.OptionalObject(payload, "contact", "the contact") ?? payload;
        var id = answer.Id(contact, "id", "the contact id");
        var contactInbox = answer.OptionalObject(payload, "contact_inbox", "the contact_inbox");
        var sourceId = contactInbox is { } ci ? answer.OptionalString(ci, "source_id", "the contact inbox's source_id") : null;
        return new ChatwootContact(id, sourceId is null ? SourceIdIn(answer, contact, inboxId) : answer.SourceId(sourceId, "the contact inbox's source_id"));
    }

    public async Task<ChatwootContact?> FindContactAsync(ChatwootConnection connection, long inboxId, string identifier, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("GET", connection, "/contacts/search");
        using var response = await ChatwootClient.SendAsync(call, () => api.SearchContacts(
            connection.AccountId, identifier, connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var answer = await ChatwootAnswer.ReadAsync(call, response, cancellationToken);
        var phone = "+" + identifier.Split('@')[0];
        foreach (var contact in answer.Array(answer.Root, "payload", "the search payload").EnumerateArray())
        {
            if (contact.ValueKind != JsonValueKind.Object)
            {
                throw answer.Wrong("a contact in the search payload is not an object");
            }

            if (String(contact, "identifier") == identifier || String(contact, "phone_number") == phone)
            {
                return new ChatwootContact(answer.Id(contact, "id", "the contact id"), SourceIdIn(answer, contact, inboxId));
            }
        }

        return null;
    }

    public async Task<string> CreateContactInboxAsync(ChatwootConnection connection, long contactId, long inboxId, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("POST", connection, $"/contacts/{contactId}/contact_inboxes");
        using var response = await ChatwootClient.SendAsync(call, () => api.CreateContactInbox(
            connection.AccountId, contactId, new CreateContactInboxBody(inboxId), connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var answer = await ChatwootAnswer.ReadAsync(call, response, cancellationToken);
        return answer.SourceId(answer.OptionalString(answer.Root, "source_id", "the source_id"), "the source_id");
    }

    public async Task<long> CreateConversationAsync(
        ChatwootConnection connection, long inboxId, long contactId, string sourceId, string status, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("POST", connection, "/conversations");
        using var response = await ChatwootClient.SendAsync(call, () => api.CreateConversation(
            connection.AccountId, new CreateConversationBody(sourceId, inboxId, contactId, status), connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var answer = await ChatwootAnswer.ReadAsync(call, response, cancellationToken);
        return answer.Id(answer.Root, "id", "the conversation id");
    }

    public async Task SetConversationStatusAsync(ChatwootConnection connection, long conversationId, string status, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("POST", connection, $"/conversations/{conversationId}/toggle_status");
        using var response = await ChatwootClient.SendAsync(call, () => api.ToggleStatus(
            connection.AccountId, conversationId, new ToggleStatusBody(status), connection.ApiToken, connection.BaseUrl, cancellationToken));
        // {"meta": {}, "payload": {"success": true, "conversation_id", "current_status"}}: nothing in it is kept.
        using var answer = await ChatwootAnswer.ReadAsync(call, response, cancellationToken);
    }

    public async Task<long> CreateMessageAsync(ChatwootConnection connection, long conversationId, ChatwootNewMessage message, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("POST", connection, $"/conversations/{conversationId}/messages");
        using var response = message.Attachments.Count == 0
            ? await ChatwootClient.SendAsync(call, () => api.CreateMessage(
                connection.AccountId, conversationId, new CreateMessageBody(message.Content, message.MessageType, message.Private, message.SourceId),
                connection.ApiToken, connection.BaseUrl, cancellationToken))
            : await ChatwootClient.SendAsync(call, () => api.CreateMessageWithAttachments(
                connection.AccountId, conversationId, Multipart(message), connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var answer = await ChatwootAnswer.ReadAsync(call, response, cancellationToken);
        return answer.Id(answer.Root, "id", "the message id");
    }

    public async Task<long?> FindMessageBySourceIdAsync(ChatwootConnection connection, long conversationId, string sourceId, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("GET", connection, $"/conversations/{conversationId}/messages");
        using var response = await ChatwootClient.SendAsync(call, () => api.ListMessages(
            connection.AccountId, conversationId, connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var answer = await ChatwootAnswer.ReadAsync(call, response, cancellationToken);
        foreach (var message in answer.Array(answer.Root, "payload", "the message list's payload").EnumerateArray())
        {
            if (String(message, "source_id") == sourceId)
            {
                return answer.Id(message, "id", "the message id");
            }
        }

        return null;
    }

    public async Task UpdateMessageStatusAsync(
        ChatwootConnection connection, long conversationId, long messageId, string status, string? error, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("PATCH", connection, $"/conversations/{conversationId}/messages/{messageId}");
        using var response = await ChatwootClient.SendAsync(call, () => api.UpdateMessage(
            connection.AccountId, conversationId, messageId, new UpdateMessageStatusBody(status, error), connection.ApiToken, connection.BaseUrl, cancellationToken));
        // Chatwoot answers the message; nothing in it is kept, but it must be Chatwoot's answer.
        using var answer = await ChatwootAnswer.ReadAsync(call, response, cancellationToken);
    }

    private static MultipartFormDataContent Multipart(ChatwootNewMessage message)
    {
        var form = new MultipartFormDataContent();
        if (!string.IsNullOrEmpty(message.Content))
        {
            form.Add(new StringContent(message.Content), "content");
        }

        form.Add(new StringContent(message.MessageType), "message_type");
        form.Add(new StringContent(message.Private ? "true" : "false"), "private");
        if (message.SourceId is not null)
        {
            form.Add(new StringContent(message.SourceId), "source_id");
        }

        foreach (var file in message.Attachments)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
            // MultipartFormDataContent refuses a blank file name (an engine's media URL ending in "/" gives one).
            form.Add(part, "attachments[]", string.IsNullOrWhiteSpace(file.FileName) ? "file" : file.FileName);
        }

        return form;
    }

    /// <summary>The source id of the contact's contact inbox in <paramref name="inboxId"/>, from its <c>contact_inboxes</c>.</summary>
    private static string? SourceIdIn(ChatwootAnswer answer, JsonElement contact, long inboxId)
    {
        if (!contact.TryGetProperty("contact_inboxes", out var inboxes) || inboxes.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var contactInbox in inboxes.EnumerateArray())
        {
            var inbox = contactInbox.ValueKind != JsonValueKind.Object ? null
                : contactInbox.TryGetProperty("inbox", out var i) ? ChatwootAnswer.PositiveId(i, "id")
                : ChatwootAnswer.PositiveId(contactInbox, "inbox_id");
            if (inbox == inboxId)
            {
                return answer.SourceId(String(contactInbox, "source_id"), "the contact inbox's source_id");
            }
        }

        return null;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
