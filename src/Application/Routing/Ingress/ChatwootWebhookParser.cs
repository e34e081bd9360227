using System.Text;
using System.Text.Json;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>Reads Chatwoot's webhook payloads (<c>message_created</c>, <c>message_updated</c>,
/// <c>conversation_typing_on</c>/<c>off</c>, <c>conversation_status_changed</c>). Only what decides routing is read;
/// the WhatsApp chat is never taken from the payload.</summary>
public static class ChatwootWebhookParser
{
    /// <summary>Every message RyzeApi creates in Chatwoot carries this source id prefix.</summary>
    public const string OwnSourcePrefix = "WAID:";

    /// <summary>Why a deletion of a message RyzeApi created in Chatwoot (a customer's, or one sent from the phone) is not routed.</summary>
    public const string OwnMessageDeleted = "a message RyzeApi created in Chatwoot: its deletion stays in Chatwoot";

    public const string TypingOn = "conversation_typing_on";
    public const string TypingOff = "conversation_typing_off";

    /// <summary>For callers that hold the body as text (tests, tools); the API parses the bytes it received.</summary>
    public static ChatwootWebhookEvent Parse(string body) => Parse(Encoding.UTF8.GetBytes(body));

    public static ChatwootWebhookEvent Parse(ReadOnlyMemory<byte> body)
    {
        using (var document = Json.ParseObject(body, "a Chatwoot webhook payload"))
        {
            JsonElement? root = document.RootElement;

            var name = root.Text("event") ?? throw new ValidationException(["event is required"]);
            return name switch
            {
                "message_created" => ParseMessage(name, root),
                "message_updated" => ParseDeletion(name, root),
                TypingOn or TypingOff => ParseTyping(name, root),
                "conversation_status_changed" => new ChatwootWebhookEvent(
                    name, null, root.Long("id"), root.Text("status"), null, null, [], root.Long("id") is null ? "no conversation id" : null),
                _ => Ignored(name, $"{name} events are not routed"),
            };
        }
    }

    private static ChatwootWebhookEvent ParseMessage(string name, JsonElement? root)
    {
        if (NotAnAgentsMessage(name, root) is { } ignored)
        {
            return ignored;
        }

        if (root.Text("source_id") is { } source && source.StartsWith(OwnSourcePrefix, StringComparison.Ordinal))
        {
            return Ignored(name, "echo of a message RyzeApi created");
        }

        var (messageId, conversationId) = Ids(root);
        var sender = root.Get("sender");
        var agent = sender.Text("available_name") ?? sender.Text("name");
        var attachments = new List<AgentAttachment>();
        if (root.Get("attachments") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var attachment in list.EnumerateArray())
            {
                JsonElement? a = attachment;
                if (a.Text("data_url") is { } url)
                {
                    attachments.Add(new AgentAttachment(url, a.Text("file_type") ?? "file", FileNameOf(url)));
                }
            }
        }

        // Chatwoot sets both when the quoted message is in the conversation: the Chatwoot id, and the quoted message's
        // source id (WAID:<id> for what RyzeApi posted; none for an earlier agent reply, found through its link).
        var attributes = root.Get("content_attributes");
        var external = attributes.Text("in_reply_to_external_id");
        var quotedWhatsAppId = external is not null && external.StartsWith(OwnSourcePrefix, StringComparison.Ordinal) && external.Length > OwnSourcePrefix.Length
            ? external[OwnSourcePrefix.Length..]
            : null;
        var content = root.Text("content");
        return string.IsNullOrEmpty(content) && attachments.Count == 0
            ? Ignored(name, "the message has neither text nor attachments")
            : new ChatwootWebhookEvent(
                name, messageId, conversationId, null, content, agent, attachments, null, quotedWhatsAppId, attributes.Long("in_reply_to"));
    }

    // Chatwoot posts message_updated for any change (status ticks, RyzeApi's own included); only an agent's deletion
    // (content_attributes.deleted) is routed. A deleted customer message or private note never came from RyzeApi's sends.
    private static ChatwootWebhookEvent ParseDeletion(string name, JsonElement? root)
    {
        if (root.Get("content_attributes").Bool("deleted") != true)
        {
            return Ignored(name, "only an agent's deletion of a message is sent to WhatsApp");
        }

        if (NotAnAgentsMessage(name, root) is { } ignored)
        {
            return ignored;
        }

        // Chatwoot keeps the source id through a deletion; RyzeApi's own messages are known without a lookup.
        if (root.Text("source_id") is { } source && source.StartsWith(OwnSourcePrefix, StringComparison.Ordinal))
        {
            return Ignored(name, OwnMessageDeleted);
        }

        var (messageId, conversationId) = Ids(root);
        return new ChatwootWebhookEvent(name, messageId, conversationId, null, null, null, [], null, Deleted: true);
    }

    // WebhookListener#handle_typing_status: {event, user, conversation, is_private}. Typing a private note is not for
    // the customer; a contact's typing (the public API) is not an agent's.
    private static ChatwootWebhookEvent ParseTyping(string name, JsonElement? root)
    {
        if (root.Bool("is_private") == true)
        {
            return Ignored(name, "typing a private note is not shown in WhatsApp");
        }

        if (root.Get("user").Text("type") is "contact")
        {
            return Ignored(name, "the contact's own typing is not sent back to WhatsApp");
        }

        var conversationId = root.Get("conversation").Long("id") ?? throw new ValidationException(["conversation.id is required"]);
        return new ChatwootWebhookEvent(name, null, conversationId, null, null, null, [], null, Typing: name == TypingOn);
    }

    private static ChatwootWebhookEvent? NotAnAgentsMessage(string name, JsonElement? root)
    {
        // Webhooks spell message_type as a word; the REST API as a number (1 = outgoing).
        var type = root.Text("message_type");
        if (type is not ("outgoing" or "1"))
        {
            return Ignored(name, $"{type ?? "unknown"} messages are not sent to WhatsApp");
        }

        return root.Bool("private") == true ? Ignored(name, "private notes stay in Chatwoot") : null;
    }

    private static (long MessageId, long ConversationId) Ids(JsonElement? root) => (
        root.Long("id") ?? throw new ValidationException(["id is required"]),
        root.Get("conversation").Long("id") ?? throw new ValidationException(["conversation.id is required"]));

    private static string? FileNameOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.Segments[^1]) : null;

    private static ChatwootWebhookEvent Ignored(string name, string reason) => new(name, null, null, null, null, null, [], reason);
}
