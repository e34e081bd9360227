using Microsoft.AspNetCore.Diagnostics;
using RyzeApi.Application.Common.Exceptions;

namespace RyzeApi.WebApi.Errors;

/// <summary>Maps every exception to a status and the error envelope. Classified exceptions carry
/// contract messages; anything else is a real server fault and answers 500 without internals. Logs nothing
/// itself: <see cref="Hosting.RequestOutcomeLogging"/> writes the request's one outcome line, with this
/// exception when the answer is a 5xx.</summary>
public sealed class EnvelopeExceptionHandler : IExceptionHandler
{
    public const string InternalErrorMessage = "internal server error - the failure was logged; retry later or contact the operator";
    public const string SecretUnreadableMessage = "stored chatwoot token cannot be decrypted - the operator must restore its encryption key in Chatwoot__PreviousEncryptionKeys, or activate the integration again";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, message) = Map(exception);
        ErrorOutcome.RecordException(httpContext, exception);
        await EnvelopeWriter.WriteAsync(httpContext, status, message);
        return true;
    }

    /// <summary>The status and the message the caller sees for <paramref name="exception"/>.</summary>
    public static (int Status, string Message) Map(Exception exception) => exception switch
    {
        ValidationException e => (StatusCodes.Status400BadRequest, e.Message),
        NotFoundException e => (StatusCodes.Status404NotFound, e.Message),
        UnauthorizedException e => (StatusCodes.Status401Unauthorized, e.Message),
        ConflictException e => (StatusCodes.Status409Conflict, e.Message),
        UpstreamRejectedException { Kind: UpstreamFailureKind.CredentialsRejected } e => (StatusCodes.Status401Unauthorized, e.Message),
        UpstreamRejectedException { Kind: UpstreamFailureKind.AccessDenied } e => (StatusCodes.Status403Forbidden, e.Message),
        UpstreamRejectedException e => (StatusCodes.Status400BadRequest, e.Message),
        UpstreamUnavailableException e => (StatusCodes.Status502BadGateway, e.Message),
        RequestTimeoutException e => (StatusCodes.Status504GatewayTimeout, $"request timed out: {e.Message}"),
        PersistenceFailedException e => (StatusCodes.Status500InternalServerError, e.Message),
        ModuleNotConfiguredException e => (StatusCodes.Status503ServiceUnavailable, e.Message),
        SecretUnreadableException => (StatusCodes.Status500InternalServerError, SecretUnreadableMessage),
        BadHttpRequestException e => (e.StatusCode, $"invalid request: {e.Message}"),
        _ => (StatusCodes.Status500InternalServerError, InternalErrorMessage),
    };

    /// <summary>The path without the webhook secret, which is a credential.</summary>
    internal static string SafePath(PathString path)
    {
        const string webhook = "/api/chatwoot/webhook/";
        var value = path.Value ?? string.Empty;
        if (!value.StartsWith(webhook, StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        var integration = value[webhook.Length..].Split('/')[0];
        return webhook + integration + "/***";
    }
}
