using System.Diagnostics;
using RyzeApi.Application.Common.Exceptions;

namespace RyzeApi.WebApi.Errors;

/// <summary>The answer to an error: its status, the message the caller sees, and the level of the request's one
/// log line (<see cref="Hosting.RequestOutcomeLogging"/>).</summary>
public readonly record struct ErrorAnswer(int Status, string Message, LogLevel Level);

/// <summary>The one mapping from a <see cref="FailureKind"/> to a status and a log level (docs/adr/0023-one-failure-model.md).
/// Whether the caller sees the failure's own message is the kind's <see cref="FailureKindTraits.MessageIsForTheCaller"/>.</summary>
public static class FailureAnswers
{
    public const string InternalErrorMessage = "internal server error - the failure was logged; retry later or contact the operator";
    public const string SecretUnreadableMessage = "stored chatwoot token cannot be decrypted - the operator must restore its encryption key in Chatwoot__PreviousEncryptionKeys, or activate the integration again";

    /// <summary>Every kind is named, so a new kind fails the mapping test until it has its row.</summary>
    public static (int Status, LogLevel Level) Of(FailureKind kind) => kind switch
    {
        FailureKind.Validation => (StatusCodes.Status400BadRequest, LogLevel.Information),
        FailureKind.Unauthenticated => (StatusCodes.Status401Unauthorized, LogLevel.Warning),
        FailureKind.NotFound => (StatusCodes.Status404NotFound, LogLevel.Information),
        FailureKind.Conflict => (StatusCodes.Status409Conflict, LogLevel.Information),
        FailureKind.UpstreamRejected => (StatusCodes.Status400BadRequest, LogLevel.Information),
        FailureKind.UpstreamCredentialsRejected => (StatusCodes.Status401Unauthorized, LogLevel.Warning),
        FailureKind.UpstreamDenied => (StatusCodes.Status403Forbidden, LogLevel.Warning),
        FailureKind.UpstreamUnavailable => (StatusCodes.Status502BadGateway, LogLevel.Error),

        // The operator turned the module off or left it unset: worth noticing, not a fault with a stack trace.
        FailureKind.NotConfigured => (StatusCodes.Status503ServiceUnavailable, LogLevel.Warning),
        FailureKind.TimedOut => (StatusCodes.Status504GatewayTimeout, LogLevel.Error),
        FailureKind.PersistenceFailed or FailureKind.SecretUnreadable => (StatusCodes.Status500InternalServerError, LogLevel.Error),

        // Raised by the outbox workers; one reaching a request is a fault whose text stays in the log.
        FailureKind.DatabaseUnavailable or FailureKind.EngineRejected or FailureKind.EngineUnavailable
            or FailureKind.EngineAnswerUnreadable or FailureKind.MediaUnavailable
            or FailureKind.EngineNotConnected => (StatusCodes.Status500InternalServerError, LogLevel.Error),
        _ => throw new UnreachableException($"failure kind {kind} has no answer"),
    };

    public static ErrorAnswer For(ApplicationFailure failure)
    {
        var (status, level) = Of(failure.FailureKind);
        var message = failure switch
        {
            { FailureKind: FailureKind.SecretUnreadable } => SecretUnreadableMessage,
            { MessageIsForTheCaller: false } => InternalErrorMessage,
            { FailureKind: FailureKind.TimedOut } => $"request timed out: {failure.Message}",
            _ => failure.Message,
        };
        return new ErrorAnswer(status, message, level);
    }

    /// <summary>Any exception: a failure by its kind, a request Kestrel could not read by its status, anything
    /// else a 500 that shows nothing of it.</summary>
    public static ErrorAnswer For(Exception exception) => exception switch
    {
        ApplicationFailure failure => For(failure),
        BadHttpRequestException e => new ErrorAnswer(e.StatusCode, $"invalid request: {e.Message}", LevelOf(e.StatusCode)),
        _ => new ErrorAnswer(StatusCodes.Status500InternalServerError, InternalErrorMessage, LogLevel.Error),
    };

    /// <summary>The level of an error answer no failure explains (a missing token, an unknown route, a rate limit):
    /// 5xx Error; 401, 403 and 429 Warning (a wrong or stolen token, a client over its budget); other 4xx Information.</summary>
    public static LogLevel LevelOf(int status) => status switch
    {
        >= 500 => LogLevel.Error,
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests => LogLevel.Warning,
        _ => LogLevel.Information,
    };
}
