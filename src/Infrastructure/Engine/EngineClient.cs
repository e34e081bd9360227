using System.Text.Json;
using Microsoft.Extensions.Options;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;

namespace RyzeApi.Infrastructure.Engine;

/// <summary>Sends through the engine with <c>"source": "chatwoot"</c> (so its echo is recognised) and
/// classifies the answer: 4xx is a permanent refusal with the engine's own message; 5xx, 429 and
/// network failures are worth a retry; a 2xx without a usable message id is
/// <see cref="EngineAnswerUnreadableException"/> (never retried: the message may have gone out).</summary>
internal sealed class EngineClient(IEngineApi api, IOptions<EngineOptions> options) : IEngineClient
{
    public const string Source = "chatwoot";
    private readonly EngineOptions _options = options.Value;

    public Task<string> SendTextAsync(string instance, string number, string text, CancellationToken cancellationToken) =>
        SendAsync("text", instance, token => api.SendText(instance, new SendTextBody(number, text, Source), token, cancellationToken), cancellationToken);

    public Task<string> SendMediaAsync(string instance, EngineMedia media, CancellationToken cancellationToken) =>
        SendAsync("media", instance, token => api.SendMedia(instance, new SendMediaBody(
            media.Number, media.MediaType, media.MediaUrl, media.Caption, media.MimeType, media.FileName, Source), token, cancellationToken), cancellationToken);

    private async Task<string> SendAsync(string kind, string instance, Func<string, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.BaseUrl) || string.IsNullOrWhiteSpace(_options.Token))
        {
            throw new EngineUnavailableException("the WhatsApp engine is not configured (Engine__BaseUrl, Engine__Token)");
        }

        var where = $"POST {_options.BaseUrl!.TrimEnd('/')}/api/message/{kind}/{instance}";
        HttpResponseMessage response;
        try
        {
            response = await send(_options.Token!);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Refit wraps transport failures (ApiRequestException), Polly adds its own (timeouts, open
            // circuit): whatever kept the request from being answered is worth a retry.
            throw new EngineUnavailableException($"the engine is unreachable: {where}: {Innermost(exception).Message}", exception);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (status is >= 400 and < 500 and not 408 and not 429)
            {
                throw new EngineRejectedException(ErrorMessage(body) ?? $"{where} HTTP {status}: {Truncate(body)}", status);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new EngineUnavailableException($"{where} HTTP {status}: {Truncate(body)}");
            }

            return MessageId(body) is { } id && UpstreamIds.IsUsable(id)
                ? id
                : throw new EngineAnswerUnreadableException($"{where} HTTP {status} answered without a usable messageId (a non-empty string of at most {UpstreamIds.MaxLength} printable characters): {Truncate(body)}");
        }
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    private static string? MessageId(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && Text(data, "messageId") is { } nested
                ? nested
                : Text(root, "messageId") ?? (root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? Text(d, "id") : null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that is not valid text (a lone surrogate escape): no usable value.
            return null;
        }
    }

    private static string? ErrorMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return root.ValueKind != JsonValueKind.Object ? null
                : root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object ? Text(error, "message")
                : root.TryGetProperty("error", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()
                : Text(root, "message");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that is not valid text (a lone surrogate escape): no usable value.
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
