using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RyzeApi.Application.Common.Validation;
using RyzeApi.WebApi.Swagger;

namespace RyzeApi.WebApi.Filters;

/// <summary>The text rules of every JSON body, before model binding: the bytes must be UTF-8 (never decoded with
/// U+FFFD in place of what was sent) and no string may hold a lone UTF-16 surrogate (<c>"\uD800"</c>), which has no
/// UTF-8 form. Both answer 400 <c>invalid body: …</c> naming the fault, and the field where there is one; the
/// ingress endpoints (raw bodies, <see cref="RawJsonBodyAttribute"/>) apply the same rules in their handlers,
/// after the call's credentials are checked.</summary>
public sealed class JsonTextFilter : IAsyncResourceFilter, IOrderedFilter
{
    // After the order-0 resource filters (the Chatwoot module gate): 503 comes before 400.
    public int Order => 1;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!BindsJsonBody(context) || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await next();
            return;
        }

        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.HttpContext.RequestAborted);
        request.Body.Position = 0;
        if (Fault(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)) is { } fault)
        {
            context.Result = EnvelopeWriter.Result(context.HttpContext, StatusCodes.Status400BadRequest, "invalid body: " + fault);
            return;
        }

        await next();
    }

    private static bool BindsJsonBody(ResourceExecutingContext context) =>
        context.ActionDescriptor.Parameters.Any(p => p.BindingInfo?.BindingSource == BindingSource.Body)
        && !context.ActionDescriptor.EndpointMetadata.OfType<RawJsonBodyAttribute>().Any();

    private static string? Fault(ReadOnlyMemory<byte> body)
    {
        if (Utf8Text.Fault(body.Span) is { } notUtf8)
        {
            return notUtf8;
        }

        // Malformed JSON is left to model binding, which reports it.
        if (!JsonStrings.MayHoldInvalid(body.Span))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return JsonStrings.FirstInvalid(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
