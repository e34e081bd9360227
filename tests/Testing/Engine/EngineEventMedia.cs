namespace RyzeApi.Testing.Engine;

/// <summary>An event's <c>media</c> object: <see cref="Type"/> is <c>image|video|audio|document|sticker|ptt|ptv</c>;
/// the file comes as <see cref="Base64"/> (the engine's <c>mediaBase64</c> on) or from <see cref="Url"/> /
/// <see cref="S3Url"/> (e.g. <see cref="FakeEngine.ServeMedia"/>'s).</summary>
public sealed record EngineEventMedia(
    string Type,
    string? Mimetype,
    string? FileName = null,
    string? Caption = null,
    string? Url = null,
    string? S3Url = null,
    string? Base64 = null)
{
    /// <summary>The file inline, as base64.</summary>
    public static EngineEventMedia Inline(string type, byte[] content, string mimetype, string? fileName = null, string? caption = null) =>
        new(type, mimetype, fileName, caption, Base64: Convert.ToBase64String(content));

    /// <summary>The file at a URL the API downloads.</summary>
    public static EngineEventMedia At(string type, string url, string mimetype, string? fileName = null, string? caption = null) =>
        new(type, mimetype, fileName, caption, Url: url);
}
