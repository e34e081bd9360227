using Refit;
using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Engine;

/// <summary>Reads a WhatsApp account's picture and name from the engine. Nothing here is sent to WhatsApp, so any
/// answer may be retried; a 4xx is the engine's refusal (the number is unknown, the session is down).</summary>
internal sealed class EngineProfiles(IEngineApi api, IOptions<EngineOptions> options) : IEngineProfiles
{
    private readonly EngineOptions _options = options.Value;

    public async Task<WhatsAppProfile> GetProfileAsync(string instance, string number, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.BaseUrl) || string.IsNullOrWhiteSpace(_options.Token))
        {
            throw new EngineUnavailableException("the WhatsApp engine is not configured (Engine__BaseUrl, Engine__Token)");
        }

        var where = $"GET {_options.BaseUrl!.TrimEnd('/')}/api/profile/getAccount/{instance}";
        IApiResponse<EngineProfileAnswer> response;
        try
        {
            response = await api.GetAccount(instance, number, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new EngineUnavailableException($"the engine is unreachable: {where}: {exception.GetBaseException().Message}", exception);
        }

        using (response)
        {
            var status = (int)(response.StatusCode ?? 0);
            if (response.IsSuccessStatusCode && !response.HasRequestError(out _))
            {
                var profile = response.Content?.Found();
                return new WhatsAppProfile(Usable(profile?.ProfilePicture.OrNull), Usable(profile?.ProfileName.OrNull));
            }

            var body = AnswerBodyHandler.Text(response.RequestMessage);
            var shown = body.Length <= 300 ? body : body[..300] + "…";
            throw status is >= 400 and < 500 and not 408 and not 429
                ? new EngineRejectedException(EngineAnswer.ErrorIn(body) ?? $"{where} HTTP {status}: {shown}", status)
                : new EngineUnavailableException($"{where} HTTP {status}: {shown}");
        }
    }

    private static string? Usable(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
