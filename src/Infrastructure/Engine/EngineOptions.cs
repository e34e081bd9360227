namespace RyzeApi.Infrastructure.Engine;

/// <summary>The WhatsApp engine (section <c>Engine</c>): where its RyzeAPI-style send endpoints are and the token they take.</summary>
public sealed class EngineOptions
{
    public const string Section = "Engine";

    public string? BaseUrl { get; set; }

    public string? Token { get; set; }
}
