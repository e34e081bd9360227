using Refit;
using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Engine;

/// <summary>Sends through the engine with <c>"source": "chatwoot"</c> (so its echo is recognised), and the chat actions
/// (delete, presence, read mark), and classifies the answer: <c>Instance is not connected to WhatsApp</c> (400 or 503) is
/// <see cref="EngineNotConnectedException"/>; other 4xx a permanent refusal with the engine's own message; 5xx, 429 and
/// network failures are worth a retry; a 2xx without a usable message id is
/// <see cref="EngineAnswerUnreadableException"/> (never retried: the message may have gone out).</summary>
internal sealed class EngineClient(IEngineApi api, IOptions<EngineOptions> options) : IEngineClient
{
    public const string Source = "chatwoot";
    private readonly EngineOptions _options = options.Value;

    public Task<string> SendTextAsync(string instance, string number, string text, CancellationToken cancellationToken) =>
        SendAsync("POST /api/message/text", instance, () => api.SendText(instance, new SendTextBody(number, text, Source), cancellationToken), cancellationToken);

    public Task<string> SendTextAsync(string instance, string number, string text, string replyTo, CancellationToken cancellationToken) =>
        SendAsync("POST /api/message/text", instance, () => api.SendText(instance, new SendTextBody(number, text, Source, replyTo), cancellationToken), cancellationToken);

    public Task<string> SendMediaAsync(string instance, EngineMedia media, CancellationToken cancellationToken) =>
        SendAsync("POST /api/message/media", instance, () => api.SendMedia(instance, new SendMediaBody(
            media.Number, media.MediaType, media.MediaUrl, media.Caption, media.MimeType, media.FileName, Source, media.ReplyTo), cancellationToken), cancellationToken);

    public Task DeleteForEveryoneAsync(string instance, string messageId, CancellationToken cancellationToken) =>
        SendAsync("DELETE /api/chat/delete", instance, () => api.DeleteMessage(instance, new DeleteMessageBody(messageId, true), cancellationToken), cancellationToken, answersId: false);

    public Task SendPresenceAsync(string instance, string number, bool typing, int typingSeconds, CancellationToken cancellationToken) =>
        SendAsync("POST /api/chat/presence", instance, () => api.SendPresence(
            instance, new PresenceBody(number, typing ? "typing" : "pause", typingSeconds), cancellationToken), cancellationToken, answersId: false);

    public Task MarkChatReadAsync(string instance, string number, CancellationToken cancellationToken) =>
        SendAsync("POST /api/chat/markChatRead", instance, () => api.MarkChatRead(instance, new MarkChatReadBody(number, true), cancellationToken), cancellationToken, answersId: false);

    /// <param name="route">Method and path without the instance, as failures name the call.</param>
    /// <param name="answersId">Whether a success must carry the WhatsApp id of what was sent (the chat actions answer none).</param>
    private async Task<string> SendAsync(
        string route, string instance, Func<Task<IApiResponse<EngineAnswer>>> send, CancellationToken cancellationToken, bool answersId = true)
    {
        if (string.IsNullOrWhiteSpace(_options.BaseUrl) || string.IsNullOrWhiteSpace(_options.Token))
        {
            throw new EngineUnavailableException("the WhatsApp engine is not configured (Engine__BaseUrl, Engine__Token)");
        }

        var where = $"{route.Replace(" /", " " + _options.BaseUrl!.TrimEnd('/') + "/", StringComparison.Ordinal)}/{instance}";
        IApiResponse<EngineAnswer> response;
        try
        {
            response = await send();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw Unreachable(where, exception);
        }

        using (response)
        {
            if (response.HasRequestError(out var requestError))
            {
                throw cancellationToken.IsCancellationRequested ? new OperationCanceledException(cancellationToken) : Unreachable(where, requestError);
            }

            var status = (int)(response.StatusCode ?? 0);
            if (response.IsSuccessStatusCode && !answersId)
            {
                return string.Empty;
            }

            if (response.IsSuccessStatusCode)
            {
                return response.Content?.SentId() is { } id && UpstreamIds.IsUsable(id)
                    ? id
                    : throw new EngineAnswerUnreadableException($"{where} HTTP {status} answered without a usable messageId (a non-empty string of at most {UpstreamIds.MaxLength} printable characters): {Truncate(Body(response))}");
            }

            var body = Body(response);
            if (NotConnectedAnswer.Match(status, EngineAnswer.ErrorIn(body)) is { } notConnected)
            {
                throw new EngineNotConnectedException(notConnected);
            }

            if (status is >= 400 and < 500 and not 408 and not 429)
            {
                throw new EngineRejectedException(EngineAnswer.ErrorIn(body) ?? $"{where} HTTP {status}: {Truncate(body)}", status);
            }

            throw new EngineUnavailableException($"{where} HTTP {status}: {Truncate(body)}");
        }
    }

    // Refit wraps transport failures (ApiRequestException), Polly adds its own (timeouts, open circuit): whatever
    // kept the request from being answered is worth a retry.
    private static EngineUnavailableException Unreachable(string where, Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return new EngineUnavailableException($"the engine is unreachable: {where}: {innermost.Message}", exception);
    }

    private static string Body(IApiResponse response) => AnswerBodyHandler.Text(response.RequestMessage);

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
