namespace RyzeApi.Testing.Engine;

/// <summary>One message the fake engine accepted and answered with <see cref="MessageId"/>: <see cref="Kind"/> is
/// <c>text</c> or <c>media</c>; <see cref="Message"/> is the text, or a media's caption. <see cref="Body"/> is the
/// request body exactly as received.</summary>
public sealed record FakeEngineSend(
    string Kind,
    string Instance,
    string Number,
    string? Message,
    string? MediaType,
    string? MediaUrl,
    string? MimeType,
    string? FileName,
    string? Source,
    string MessageId,
    string Body,
    DateTimeOffset ReceivedAt)
{
    public const string TextKind = "text";
    public const string MediaKind = "media";

    /// <summary>The text of a text message (null for media).</summary>
    public string? Text => Kind == TextKind ? Message : null;

    /// <summary>The WhatsApp id the message quotes (<c>replyTo</c>), or null.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The caption of a media message (null for text).</summary>
    public string? Caption => Kind == MediaKind ? Message : null;
}
