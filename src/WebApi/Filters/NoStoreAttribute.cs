using Microsoft.AspNetCore.Mvc.Filters;

namespace RyzeApi.WebApi.Filters;

/// <summary><c>Cache-Control: no-store</c> on a success answer that carries a secret (a TokenInstance, a Chatwoot
/// API token), so no browser or proxy cache keeps a copy. Error answers never carry one.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NoStoreAttribute : Attribute, IResultFilter
{
    public const string Value = "no-store";

    public void OnResultExecuting(ResultExecutingContext context) =>
        context.HttpContext.Response.Headers.CacheControl = Value;

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
