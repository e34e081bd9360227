using System.Text;
using System.Text.Json;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>Reads Chatwoot's webhook payloads (<c>message_created</c>, <c>conversation_status_changed</c>).
/// Only what decides routing is read; the WhatsApp chat is never taken from the payload.</summary>
public static class ChatwootWebhookParser
{
    /// <summary>Every message RyzeApi creates in Chatwoot carries this source id prefix.</summary>
    public const string OwnSourcePrefix = "WAID:";

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
                "conversation_status_changed" => new ChatwootWebhookEvent(
                    name, null, root.Long("id"), root.Text("status"), null, null, [], root.Long("id") is null ? "no conversation id" : null),
                _ => Ignored(name, $"{name} events are not routed"),
            };
        }
    }

    private static ChatwootWebhookEvent ParseMessage(string name, JsonElement? root)
    {
        // Webhooks spell message_type as a word; the REST API as a number (1 = outgoing).
        var type = root.Text("message_type");
        if (type is not ("outgoing" or "1"))
        {
            return Ignored(name, $"{type ?? "unknown"} messages are not sent to WhatsApp");
        }

        if (root.Bool("private") == true)
        {
            return Ignored(name, "private notes stay in Chatwoot");
        }

        if (root.Text("source_id") is { } source && source.StartsWith(OwnSourcePrefix, StringComparison.Ordinal))
        {
            return Ignored(name, "echo of a message RyzeApi created");
        }

        var messageId = root.Long("id") ?? throw new ValidationException(["id is required"]);
        var conversationId = root.Get("conversation").Long("id") ?? throw new ValidationException(["conversation.id is required"]);
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

        var content = root.Text("content");
        return string.IsNullOrEmpty(content) && attachments.Count == 0
            ? Ignored(name, "the message has neither text nor attachments")
            : new ChatwootWebhookEvent(name, messageId, conversationId, null, content, agent, attachments, null);
    }

    private static string? FileNameOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.Segments[^1]) : null;

    private static ChatwootWebhookEvent Ignored(string name, string reason) => new(name, null, null, null, null, null, [], reason);
}
