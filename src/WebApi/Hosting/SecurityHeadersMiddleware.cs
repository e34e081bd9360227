namespace RyzeApi.WebApi.Hosting;

/// <summary>Puts <c>X-Content-Type-Options: nosniff</c> on every response the application writes: errors, 404s,
/// Swagger, health. Set when the response starts, because the exception handler clears headers when it
/// rewrites an error.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            ((HttpResponse)state).Headers.XContentTypeOptions = "nosniff";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
