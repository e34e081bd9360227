namespace RyzeApi.WebApi.Hosting;

/// <summary>One log line per error answer, written here and nowhere else (docs/operations.md, "Logs"), at the level of
/// the failure's kind (<see cref="FailureAnswers"/>) or, for an answer no failure explains, of its status. An Error
/// line carries the exception behind it; the others carry no stack trace. Successes are not logged. The line names
/// the method, the path (a webhook secret masked, long paths cut), the status and the answer's message; never the
/// query string, the headers or the body.</summary>
public sealed class RequestOutcomeLogging(RequestDelegate next, ILogger<RequestOutcomeLogging> logger)
{
    private const int MaxPathChars = 200;
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var status = context.Response.StatusCode;
        if (status < 400)
        {
            return;
        }

        var method = context.Request.Method;
        var path = LoggedPath(context.Request.Path);
        var message = Masked(ErrorOutcome.MessageOf(context) ?? string.Empty, context.Request.Path, path);
        var level = ErrorOutcome.LevelOf(context) ?? FailureAnswers.LevelOf(status);
        var exception = level >= LogLevel.Error ? ErrorOutcome.ExceptionOf(context) : null;
        logger.Log(level, exception, "{Method} {Path} answered {Status}: {Message}", method, path, status, message);
    }

    /// <summary>The message with the request's path as logged: "not found: GET /api/chatwoot/webhook/…" would
    /// otherwise carry the webhook secret, or a 10 KB path, into the log.</summary>
    private static string Masked(string message, PathString raw, string logged)
    {
        foreach (var form in new[] { raw.ToString(), raw.Value ?? string.Empty })
        {
            if (form.Length > 0 && form != logged)
            {
                message = message.Replace(form, logged, StringComparison.Ordinal);
            }
        }

        return message;
    }

    private static string LoggedPath(PathString path)
    {
        var safe = EnvelopeExceptionHandler.SafePath(path);
        return safe.Length <= MaxPathChars ? safe : string.Concat(safe.AsSpan(0, MaxPathChars), $"… ({safe.Length} characters)");
    }
}
