using Microsoft.AspNetCore.Diagnostics;

namespace RyzeApi.WebApi.Errors;

/// <summary>Gives body-less error answers (unknown route, wrong method, …) the error envelope.</summary>
public static class StatusCodeEnvelope
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var message = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => $"not found: {request.Method} {request.Path} is not an endpoint of this API - see /swagger",
            StatusCodes.Status405MethodNotAllowed => $"method not allowed: {request.Method} is not accepted on {request.Path} - see /swagger",
            StatusCodes.Status415UnsupportedMediaType => "invalid body: Content-Type must be application/json",
            var status => $"request failed with HTTP status {status}",
        };
        ErrorOutcome.RecordMessage(http, message);
        return http.Response.WriteAsJsonAsync(ErrorEnvelope.Of(message), http.RequestAborted);
    }
}
