using System.Text;
using System.Text.Json;
using RyzeApi.Application.Common.Validation;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>Reads the RyzeAPI event envelope in both layouts seen in the wild: everything nested in
/// <c>data.message</c> (the documented catalog), or chat/sender/direction/id on <c>data</c> beside it.</summary>
public static class EngineEventParser
{
    public const string MessageExchange = "message.exchange";
    public const string MessageStatus = "message.status";

    /// <summary>For callers that hold the body as text (tests, tools); the API parses the bytes it received.</summary>
    public static EngineEvent Parse(string body, string? eventFromPath) => Parse(Encoding.UTF8.GetBytes(body), eventFromPath);

    public static EngineEvent Parse(ReadOnlyMemory<byte> body, string? eventFromPath)
    {
        using (var document = Json.ParseObject(body, "a RyzeAPI event envelope"))
        {
            JsonElement? root = document.RootElement;

            var name = root.Text("event") ?? (eventFromPath is null ? null : TextFaults.WithoutNul(eventFromPath));
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ValidationException(["event is required"]);
            }

            var data = root.Get("data");
            if (data is not { ValueKind: JsonValueKind.Object })
            {
                throw new ValidationException(["data is required and must be an object"]);
            }

            return name switch
            {
                MessageExchange => ParseMessage(name, data),
                MessageStatus => ParseStatus(name, data),
                SessionStates.Event => SessionStates.Parse(name, data),
                _ => new EngineEvent(name, null, null, $"{name} events are not routed"),
            };
        }
    }

    private static EngineEvent ParseMessage(string name, JsonElement? data)
    {
        var message = data.Get("message") is { ValueKind: JsonValueKind.Object } m ? (JsonElement?)m : null;
        var id = Json.FirstText("id", message, data) ?? throw new ValidationException(["data.message.id is required"]);
        var chat = Json.First("chat", message, data);
        var chatJid = chat.Text("jid") ?? chat.Text("id") ?? throw new ValidationException(["data.message.chat.jid is required"]);
        var chatType = chat.Text("type") ?? string.Empty;
        if (chatType == "newsletter" || chatJid.EndsWith("@newsletter", StringComparison.Ordinal))
        {
            return new EngineEvent(name, null, null, "newsletters are not routed");
        }

        var isGroup = chatType == "group" || chatJid.EndsWith("@g.us", StringComparison.Ordinal);
        var sender = Json.First("sender", message, data);
        var direction = Json.FirstText("direction", message, data);
        var fromMe = direction == "outgoing" || Json.First("fromMe", message, data) is { ValueKind: JsonValueKind.True };
        var type = Json.FirstText("type", message, data) ?? "text";
        var content = Json.First("content", message, data);
        var text = content is { ValueKind: JsonValueKind.String } s ? Json.String(s) : content.Text("text") ?? content.Text("caption");
        var media = ParseMedia(Json.First("media", message, data), type);
        var isEdit = type == "message_edit" || Json.First("isEdit", message, data) is { ValueKind: JsonValueKind.True };
        var read = MessageKinds.Read(type, isEdit, id, text, media, content, message, data);
        if (read.IgnoredBecause is { } ignored)
        {
            return new EngineEvent(name, null, null, ignored);
        }

        (text, media) = (read.Text, read.Media);

        // Nothing a customer sends is dropped: a kind with nothing RyzeApi can show still reaches the conversation.
        var kind = isEdit ? WhatsAppMessageKind.Edit
            : type == "message_revoke" ? WhatsAppMessageKind.Revoke
            : media is not null ? WhatsAppMessageKind.Media
            : string.IsNullOrEmpty(text) ? WhatsAppMessageKind.Unsupported
            : WhatsAppMessageKind.Text;

        var source = Json.FirstText("source", message, data);
        if (fromMe && source == "chatwoot")
        {
            // Sent by RyzeApi on an agent's behalf: the agent's message is already in Chatwoot.
            return new EngineEvent(name, null, null, "echo of a message RyzeApi sent");
        }

        var routed = new WhatsAppMessage(
            id, chatJid, chat.Text("name"), isGroup, sender.Text("jid") ?? sender.Text("id"), sender.Text("name"), fromMe,
            kind, text ?? media?.Caption, media, read.EditedId, kind == WhatsAppMessageKind.Unsupported ? type : null, read.ReplyToId, read.QuotedText,
            isGroup ? null : chat.Text("lid"));
        return new EngineEvent(name, routed, null, null);
    }

    private static WhatsAppMedia? ParseMedia(JsonElement? media, string type)
    {
        if (media is not { ValueKind: JsonValueKind.Object })
        {
            return null;
        }

        var url = media.Text("s3Url") ?? media.Text("url");
        var base64 = media.Text("base64");
        var mediaType = media.Text("type") ?? (MediaKinds.IsMedia(type) ? type : "document");
        return url is null && base64 is null
            ? null
            : new WhatsAppMedia(mediaType, url, base64, media.Text("mimetype") ?? media.Text("mimeType"), media.Text("fileName"), media.Text("caption"));
    }

    private static EngineEvent ParseStatus(string name, JsonElement? data)
    {
        var message = data.Get("message") is { ValueKind: JsonValueKind.Object } m ? (JsonElement?)m : null;
        var id = Json.FirstText("messageId", data, message) ?? Json.FirstText("id", data, message)
            ?? throw new ValidationException(["data.id or data.messageId is required"]);
        var status = (Json.FirstText("status", data, message) ?? throw new ValidationException(["data.status is required"])).ToLowerInvariant();
        var mapped = status switch
        {
            "sent" or "server_ack" => "sent",
            "delivered" or "received" or "delivery_ack" => "delivered",
            "read" or "played" => "read",
            "error" or "failed" => "failed",
            _ => null,
        };
        if (mapped is null)
        {
            return new EngineEvent(name, null, null, $"status {status} is not shown in Chatwoot");
        }

        var error = Json.FirstText("error", data, message) ?? data.Get("error").Text("message");
        return new EngineEvent(name, null, new MessageStatusChange(id, mapped, mapped == "failed" ? error ?? "WhatsApp reported an error" : null), null);
    }
}
