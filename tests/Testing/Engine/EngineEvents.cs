using System.Globalization;
using System.Text.Json.Nodes;

namespace RyzeApi.Testing.Engine;

/// <summary>RyzeAPI event envelopes (<c>{"event", "data", "instanceData"}</c>) as an engine
/// posts them to <c>/api/chatwoot/events/{instance}</c>: message factories to render in either
/// <see cref="EngineLayout"/>, <c>message.status</c>, and any other event. Post them with <see cref="PostAsync"/>.</summary>
public static partial class EngineEvents
{
    public const string MessageExchange = "message.exchange";
    public const string MessageStatus = "message.status";

    /// <summary>A WhatsApp-web-shaped message id (<c>3EB0</c> and 16 hex digits).</summary>
    public static string NewMessageId() => EngineState.NewMessageId();

    /// <summary>A text from a contact in a private chat (<paramref name="chatJid"/>: a number, <c>…@s.whatsapp.net</c> or <c>…@lid</c>).</summary>
    public static EngineChatMessage Text(string chatJid, string text, string? contactName = null) =>
        new() { ChatJid = chatJid, ChatName = contactName, SenderJid = chatJid, SenderName = contactName, Text = text };

    /// <summary>A media message from a contact; the caption is <paramref name="media"/>'s.</summary>
    public static EngineChatMessage Media(string chatJid, EngineEventMedia media, string? contactName = null) =>
        new() { ChatJid = chatJid, ChatName = contactName, SenderJid = chatJid, SenderName = contactName, Type = media.Type, Media = media };

    /// <summary>A text from <paramref name="participantJid"/> in the group <paramref name="groupJid"/> (<c>…@g.us</c>).</summary>
    public static EngineChatMessage GroupText(string groupJid, string groupName, string participantJid, string? participantName, string text) =>
        new()
        {
            ChatJid = groupJid, ChatName = groupName, ChatType = "group", SenderJid = participantJid, SenderName = participantName, Text = text,
        };

    /// <summary>A text sent from the phone (<c>direction: outgoing</c>, <c>fromMe: true</c>); with
    /// <paramref name="source"/> <c>chatwoot</c> it is the echo of one the API sent.</summary>
    public static EngineChatMessage FromMe(string chatJid, string text, string? source = null, string? id = null) =>
        new() { Id = id ?? NewMessageId(), ChatJid = chatJid, Direction = "outgoing", FromMe = true, Source = source, Text = text };

    /// <summary>An edit (<c>type: message_edit</c>, <c>isEdit: true</c>) of <paramref name="editedId"/>.</summary>
    public static EngineChatMessage Edit(string chatJid, string editedId, string newText, string? contactName = null) =>
        Text(chatJid, newText, contactName) with { Type = "message_edit", IsEdit = true, EditedId = editedId };

    /// <summary>A deletion for everyone (<c>type: message_revoke</c>) of <paramref name="revokedId"/>.</summary>
    public static EngineChatMessage Revoke(string chatJid, string revokedId, string? contactName = null) =>
        new() { ChatJid = chatJid, ChatName = contactName, SenderJid = chatJid, SenderName = contactName, Type = "message_revoke", RevokedId = revokedId };

    /// <summary>The <c>message.exchange</c> envelope of <paramref name="message"/>.</summary>
    public static string Exchange(EngineChatMessage message, EngineLayout layout = EngineLayout.Nested, EngineInstanceData? instanceData = null)
    {
        var body = new JsonObject
        {
            ["type"] = message.Type,
            ["content"] = layout == EngineLayout.Flat
                ? message.Text
                : message.Text is null ? null : new JsonObject { ["text"] = message.Text },
            ["media"] = MediaJson(message.Media),
            ["source"] = message.Source,
        };
        if (message.IsEdit)
        {
            body["isEdit"] = true;
            body["editedId"] = message.EditedId;
        }

        if (message.RevokedId is not null)
        {
            body["revokedId"] = message.RevokedId;
        }

        var envelope = new Dictionary<string, JsonNode?>
        {
            ["id"] = message.Id,
            ["direction"] = message.Direction,
            ["timestamp"] = message.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["chat"] = new JsonObject { ["jid"] = message.ChatJid, ["lid"] = message.ChatLid, ["name"] = message.ChatName, ["type"] = message.ChatType },
            ["sender"] = message.SenderJid is null && message.SenderName is null
                ? null
                : new JsonObject { ["jid"] = message.SenderJid, ["lid"] = message.SenderLid, ["name"] = message.SenderName },
        };
        if (message.FromMe is { } fromMe)
        {
            envelope["fromMe"] = fromMe;
        }

        JsonObject data;
        if (layout == EngineLayout.Flat)
        {
            data = new JsonObject([.. envelope]) { ["message"] = body };
        }
        else
        {
            var nested = new JsonObject([.. envelope]);
            foreach (var (key, value) in body.ToList())
            {
                body.Remove(key);
                nested[key] = value;
            }

            data = new JsonObject { ["id"] = message.Id, ["message"] = nested };
        }

        return Envelope(MessageExchange, data, instanceData);
    }

    /// <summary><c>message.status</c> for the engine's <paramref name="messageId"/>: <see cref="EngineLayout.Nested"/>
    /// puts <c>{id, status}</c> in <c>data.message</c>, <see cref="EngineLayout.Flat"/> puts <c>{messageId, status}</c> on
    /// <c>data</c>. RyzeAPI's statuses: pending, sent, delivered, received, read, played, error.</summary>
    public static string Status(
        string messageId, string status, EngineLayout layout = EngineLayout.Nested, string? error = null, EngineInstanceData? instanceData = null)
    {
        var fields = new JsonObject { [layout == EngineLayout.Flat ? "messageId" : "id"] = messageId, ["status"] = status };
        if (error is not null)
        {
            fields["error"] = error;
        }

        var data = layout == EngineLayout.Flat ? fields : new JsonObject { ["message"] = fields };
        return Envelope(MessageStatus, data, instanceData);
    }

    /// <summary>Any other event, e.g. <c>Event("instance.state", new JsonObject { ["state"] = "logged_out" })</c>.</summary>
    public static string Event(string eventName, JsonObject data, EngineInstanceData? instanceData = null) =>
        Envelope(eventName, data, instanceData);

    private static string Envelope(string eventName, JsonObject data, EngineInstanceData? instanceData)
    {
        var json = new JsonObject { ["event"] = eventName, ["data"] = data };
        if (instanceData is not null)
        {
            json["instanceData"] = new JsonObject
            {
                ["baseUrl"] = instanceData.BaseUrl,
                ["instance"] = instanceData.Instance,
                ["token"] = instanceData.Token,
            };
        }

        return json.ToJsonString();
    }

    private static JsonObject? MediaJson(EngineEventMedia? media) => media is null ? null : new JsonObject
    {
        ["type"] = media.Type,
        ["url"] = media.Url,
        ["s3Url"] = media.S3Url,
        ["base64"] = media.Base64,
        ["mimetype"] = media.Mimetype,
        ["fileName"] = media.FileName,
        ["caption"] = media.Caption,
    };
}
