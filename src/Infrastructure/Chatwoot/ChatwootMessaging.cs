using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using RyzeApi.Application.Common.Abstractions;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>Adapts the Refit client to <see cref="IChatwootMessaging"/>. Reads answers liberally
/// (Chatwoot's shapes differ between endpoints and versions); failures are classified as for activation.</summary>
internal sealed class ChatwootMessaging(IChatwootApi api) : IChatwootMessaging
{
    private readonly IChatwootApi _api = api;

    public async Task<ChatwootContact> CreateContactAsync(
        ChatwootConnection connection, long inboxId, string name, string identifier, string? phoneNumber, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("POST", connection, "/contacts");
        using var response = await ChatwootClient.SendAsync(call, () => _api.CreateContact(
            connection.AccountId, new CreateContactBody(inboxId, name, identifier, phoneNumber), connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var json = await ReadAsync(call, response, cancellationToken);
        // 4.x: {"payload": {"contact": {...}, "contact_inbox": {"source_id": ...}}}; older: the contact itself.
        var payload = json.RootElement.TryGetProperty("payload", out var p) ? p : json.RootElement;
        var contact = payload.TryGetProperty("contact", out var c) ? c : payload;
        var id = Long(contact, "id") ?? throw ChatwootFailureClassifier.NotChatwoot(call, (int)response.StatusCode, json.RootElement.GetRawText(), "the answer has no contact id");
        var sourceId = payload.TryGetProperty("contact_inbox", out var ci) ? String(ci, "source_id") : null;
        return new ChatwootContact(id, sourceId ?? SourceIdIn(contact, inboxId));
    }

    public async Task<ChatwootContact?> FindContactAsync(ChatwootConnection connection, long inboxId, string identifier, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("GET", connection, "/contacts/search");
        using var response = await ChatwootClient.SendAsync(call, () => _api.SearchContacts(
            connection.AccountId, identifier, connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var json = await ReadAsync(call, response, cancellationToken);
        if (!json.RootElement.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var contact in payload.EnumerateArray())
        {
            var phone = identifier.Split('@')[0];
            if (String(contact, "identifier") == identifier || String(contact, "phone_number") == "+" + phone)
            {
                return Long(contact, "id") is { } id ? new ChatwootContact(id, SourceIdIn(contact, inboxId)) : null;
            }
        }

        return null;
    }

    public async Task<string> CreateContactInboxAsync(ChatwootConnection connection, long contactId, long inboxId, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("POST", connection, $"/contacts/{contactId}/contact_inboxes");
        using var response = await ChatwootClient.SendAsync(call, () => _api.CreateContactInbox(
            connection.AccountId, contactId, new CreateContactInboxBody(inboxId), connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var json = await ReadAsync(call, response, cancellationToken);
        return String(json.RootElement, "source_id")
            ?? throw ChatwootFailureClassifier.NotChatwoot(call, (int)response.StatusCode, json.RootElement.GetRawText(), "the answer has no source_id");
    }

    public async Task<long> CreateConversationAsync(
        ChatwootConnection connection, long inboxId, long contactId, string sourceId, string status, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("POST", connection, "/conversations");
        using var response = await ChatwootClient.SendAsync(call, () => _api.CreateConversation(
            connection.AccountId, new CreateConversationBody(sourceId, inboxId, contactId, status), connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var json = await ReadAsync(call, response, cancellationToken);
        return Long(json.RootElement, "id")
            ?? throw ChatwootFailureClassifier.NotChatwoot(call, (int)response.StatusCode, json.RootElement.GetRawText(), "the answer has no conversation id");
    }

    public async Task SetConversationStatusAsync(ChatwootConnection connection, long conversationId, string status, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("POST", connection, $"/conversations/{conversationId}/toggle_status");
        using var response = await ChatwootClient.SendAsync(call, () => _api.ToggleStatus(
            connection.AccountId, conversationId, new ToggleStatusBody(status), connection.ApiToken, connection.BaseUrl, cancellationToken));
        await ChatwootClient.EnsureSuccessAsync(call, response, cancellationToken);
    }

    public async Task<long> CreateMessageAsync(ChatwootConnection connection, long conversationId, ChatwootNewMessage message, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("POST", connection, $"/conversations/{conversationId}/messages");
        using var response = message.Attachments.Count == 0
            ? await ChatwootClient.SendAsync(call, () => _api.CreateMessage(
                connection.AccountId, conversationId, new CreateMessageBody(message.Content, message.MessageType, message.Private, message.SourceId),
                connection.ApiToken, connection.BaseUrl, cancellationToken))
            : await ChatwootClient.SendAsync(call, () => _api.CreateMessageWithAttachments(
                connection.AccountId, conversationId, Multipart(message), connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var json = await ReadAsync(call, response, cancellationToken);
        return Long(json.RootElement, "id")
            ?? throw ChatwootFailureClassifier.NotChatwoot(call, (int)response.StatusCode, json.RootElement.GetRawText(), "the answer has no message id");
    }

    public async Task<long?> FindMessageBySourceIdAsync(ChatwootConnection connection, long conversationId, string sourceId, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("GET", connection, $"/conversations/{conversationId}/messages");
        using var response = await ChatwootClient.SendAsync(call, () => _api.ListMessages(
            connection.AccountId, conversationId, connection.ApiToken, connection.BaseUrl, cancellationToken));
        using var json = await ReadAsync(call, response, cancellationToken);
        if (json.RootElement.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in payload.EnumerateArray())
            {
                if (String(message, "source_id") == sourceId)
                {
                    return Long(message, "id");
                }
            }
        }

        return null;
    }

    public async Task UpdateMessageStatusAsync(
        ChatwootConnection connection, long conversationId, long messageId, string status, string? error, CancellationToken cancellationToken)
    {
        var call = ChatwootClient.Call("PATCH", connection, $"/conversations/{conversationId}/messages/{messageId}");
        using var response = await ChatwootClient.SendAsync(call, () => _api.UpdateMessage(
            connection.AccountId, conversationId, messageId, new UpdateMessageStatusBody(status, error), connection.ApiToken, connection.BaseUrl, cancellationToken));
        await ChatwootClient.EnsureSuccessAsync(call, response, cancellationToken);
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
            form.Add(part, "attachments[]", file.FileName);
        }

        return form;
    }

    private static async Task<JsonDocument> ReadAsync(ChatwootCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await ChatwootClient.EnsureSuccessAsync(call, response, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                json.Dispose();
                throw ChatwootFailureClassifier.NotChatwoot(call, (int)response.StatusCode, body, "the answer is not a JSON object");
            }

            return json;
        }
        catch (JsonException)
        {
            throw ChatwootFailureClassifier.NotChatwoot(call, (int)response.StatusCode, body, "the answer is not JSON");
        }
    }

    private static string? SourceIdIn(JsonElement contact, long inboxId)
    {
        if (!contact.TryGetProperty("contact_inboxes", out var inboxes) || inboxes.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var contactInbox in inboxes.EnumerateArray())
        {
            var inbox = contactInbox.TryGetProperty("inbox", out var i) ? Long(i, "id") : Long(contactInbox, "inbox_id");
            if (inbox == inboxId)
            {
                return String(contactInbox, "source_id");
            }
        }

        return null;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Long(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n
            : v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null
            : null;
}
