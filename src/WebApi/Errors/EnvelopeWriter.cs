namespace RyzeApi.WebApi.Errors;

/// <summary>Writes the error envelope; the one way any component answers an error.</summary>
public static class EnvelopeWriter
{
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        ErrorOutcome.RecordMessage(context, message);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(ErrorEnvelope.Of(message), context.RequestAborted);
    }

    /// <summary>The answer to a failure, whose level the request's log line takes.</summary>
    public static Task WriteAsync(HttpContext context, ErrorAnswer answer)
    {
        ErrorOutcome.RecordLevel(context, answer.Level);
        return WriteAsync(context, answer.Status, answer.Message);
    }

    /// <summary>The envelope as an MVC result, for filters that answer instead of the action.</summary>
    public static Microsoft.AspNetCore.Mvc.ObjectResult Result(HttpContext context, int status, string message)
    {
        ErrorOutcome.RecordMessage(context, message);
        return new Microsoft.AspNetCore.Mvc.ObjectResult(ErrorEnvelope.Of(message)) { StatusCode = status };
    }

    /// <inheritdoc cref="WriteAsync(HttpContext, ErrorAnswer)"/>
    public static Microsoft.AspNetCore.Mvc.ObjectResult Result(HttpContext context, ErrorAnswer answer)
    {
        ErrorOutcome.RecordLevel(context, answer.Level);
        return Result(context, answer.Status, answer.Message);
    }
}
