namespace RyzeApi.WebApi.Errors;

/// <summary>Writes the error envelope; the one way any component answers an error.</summary>
public static class EnvelopeWriter
{
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(ErrorEnvelope.Of(message), context.RequestAborted);
    }
}
