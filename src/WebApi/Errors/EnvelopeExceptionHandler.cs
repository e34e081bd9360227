using Microsoft.AspNetCore.Diagnostics;

namespace RyzeApi.WebApi.Errors;

/// <summary>Answers every exception with the error envelope, as <see cref="FailureAnswers"/> maps it. Logs nothing
/// itself: <see cref="Hosting.RequestOutcomeLogging"/> writes the request's one outcome line, with this exception
/// when its level is Error.</summary>
public sealed class EnvelopeExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var answer = FailureAnswers.For(exception);
        ErrorOutcome.RecordException(httpContext, exception);
        await EnvelopeWriter.WriteAsync(httpContext, answer);
        return true;
    }

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
