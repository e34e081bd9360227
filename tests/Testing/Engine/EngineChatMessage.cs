namespace RyzeApi.Testing.Engine;

/// <summary>A <c>message.exchange</c> event's message, to render with <see cref="ToJson"/> in either layout. Build
/// one with <see cref="EngineEvents"/>' factories and adjust it with <c>with { … }</c>.</summary>
public sealed record EngineChatMessage
{
    public string Id { get; init; } = EngineEvents.NewMessageId();

    /// <summary><c>text</c>, a media type, <c>message_edit</c> or <c>message_revoke</c>.</summary>
    public string Type { get; init; } = "text";

    /// <summary><c>incoming</c>, or <c>outgoing</c> for one sent from the phone (or by the API itself).</summary>
    public string Direction { get; init; } = "incoming";

    public DateTimeOffset Timestamp { get; init; } = DateTimeOffset.UtcNow;

    public required string ChatJid { get; init; }

    public string? ChatLid { get; init; }

    /// <summary>The contact's push name in a private chat; the group's subject in a group.</summary>
    public string? ChatName { get; init; }

    /// <summary><c>private</c>, <c>group</c> or <c>newsletter</c>.</summary>
    public string ChatType { get; init; } = "private";

    /// <summary>Who wrote it: the contact in a private chat, the participant in a group; null for one's own.</summary>
    public string? SenderJid { get; init; }

    public string? SenderLid { get; init; }

    public string? SenderName { get; init; }

    /// <summary>The text (for media, see <see cref="EngineEventMedia.Caption"/>).</summary>
    public string? Text { get; init; }

    public EngineEventMedia? Media { get; init; }

    /// <summary><c>chatwoot</c> when the API itself sent it (its echo), else null.</summary>
    public string? Source { get; init; }

    /// <summary>Adds <c>fromMe</c> to the message when set.</summary>
    public bool? FromMe { get; init; }

    /// <summary>For <c>message_edit</c>: <c>isEdit: true</c> and the id of the message edited.</summary>
    public bool IsEdit { get; init; }

    public string? EditedId { get; init; }

    /// <summary>For <c>message_revoke</c>: the id of the message deleted for everyone.</summary>
    public string? RevokedId { get; init; }

    public string ToJson(EngineLayout layout = EngineLayout.Nested, EngineInstanceData? instanceData = null) =>
        EngineEvents.Exchange(this, layout, instanceData);
}
