namespace RyzeApi.Application.Common.Abstractions;

/// <summary>The WhatsApp engine's send endpoints. Throws <see cref="Exceptions.EngineRejectedException"/>
/// for a permanent refusal (4xx), <see cref="Exceptions.EngineUnavailableException"/> for what a retry may fix, and
/// <see cref="Exceptions.EngineAnswerUnreadableException"/> for a 2xx without a usable message id.</summary>
public interface IEngineClient
{
    /// <returns>The WhatsApp message id the engine gave the sent message.</returns>
    Task<string> SendTextAsync(string instance, string number, string text, CancellationToken cancellationToken);

    /// <summary>A text quoting <paramref name="replyTo"/> (a WhatsApp id of the same chat).</summary>
    Task<string> SendTextAsync(string instance, string number, string text, string replyTo, CancellationToken cancellationToken);

    Task<string> SendMediaAsync(string instance, EngineMedia media, CancellationToken cancellationToken);

    /// <summary>Revokes a message RyzeApi sent, for everyone (<c>DELETE /api/chat/delete</c>).</summary>
    Task DeleteForEveryoneAsync(string instance, string messageId, CancellationToken cancellationToken);

    /// <summary>Shows "typing…" for <paramref name="typingSeconds"/> in the chat, or stops it (<c>pause</c>).</summary>
    Task SendPresenceAsync(string instance, string number, bool typing, int typingSeconds, CancellationToken cancellationToken);

    /// <summary>Marks the chat read, as opening it on the phone would.</summary>
    Task MarkChatReadAsync(string instance, string number, CancellationToken cancellationToken);
}

/// <summary>A media send: <see cref="MediaType"/> is image, video, audio or document; <see cref="ReplyTo"/> the
/// WhatsApp id it quotes, if any.</summary>
public sealed record EngineMedia(
    string Number, string MediaType, string MediaUrl, string? Caption, string? MimeType, string? FileName, string? ReplyTo = null);
