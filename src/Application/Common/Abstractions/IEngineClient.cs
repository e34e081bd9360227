namespace RyzeApi.Application.Common.Abstractions;

/// <summary>The WhatsApp engine's send endpoints. Throws <see cref="Exceptions.EngineRejectedException"/>
/// for a permanent refusal (4xx), <see cref="Exceptions.EngineUnavailableException"/> for what a retry may fix, and
/// <see cref="Exceptions.EngineAnswerUnreadableException"/> for a 2xx without a usable message id.</summary>
public interface IEngineClient
{
    /// <returns>The WhatsApp message id the engine gave the sent message.</returns>
    Task<string> SendTextAsync(string instance, string number, string text, CancellationToken cancellationToken);

    Task<string> SendMediaAsync(string instance, EngineMedia media, CancellationToken cancellationToken);
}

/// <summary>A media send: <see cref="MediaType"/> is image, video, audio or document.</summary>
public sealed record EngineMedia(string Number, string MediaType, string MediaUrl, string? Caption, string? MimeType, string? FileName);
