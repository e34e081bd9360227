namespace RyzeApi.Testing.Chatwoot;

/// <summary>A file attached to a message. <see cref="FileType"/> is Chatwoot's (<c>image</c>, <c>audio</c>,
/// <c>video</c> or <c>file</c>, from the content type); <see cref="DataUrl"/> downloads it from the fake.</summary>
public sealed record FakeAttachment(
    long Id,
    long MessageId,
    string FileName,
    string ContentType,
    string FileType,
    ReadOnlyMemory<byte> Content,
    string DataUrl)
{
    public int Length => Content.Length;

    /// <summary>The key in <see cref="DataUrl"/>'s path that serves the bytes.</summary>
    internal string BlobKey { get; init; } = "";
}
