using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RyzeApi.Application.Common;

namespace RyzeApi.WebApi.Filters;

/// <summary>Turns model-binding failures (malformed JSON, wrong types, missing body, wrong content type)
/// into 400 <c>invalid body: …</c> naming the field, instead of ProblemDetails.</summary>
public sealed class ModelStateEnvelopeFilter : IActionFilter, IOrderedFilter
{
    // Before MVC's UnsupportedContentTypeFilter (-3000), which would answer 415: the contract says 400 invalid body.
    public int Order => -3001;

    public void OnActionExecuting(ActionExecutingContext context)
    {
        // ErrorCount, not IsValid: with MVC validation off, bound entries stay "unvalidated".
        if (context.ModelState.ErrorCount == 0)
        {
            return;
        }

        var bodyType = context.ActionDescriptor.Parameters
            .FirstOrDefault(p => p.BindingInfo?.BindingSource == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body)?.ParameterType;
        var problems = context.ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => Describe(e.Key, e.Value!.Errors[0], bodyType))
            .Distinct()
            .ToList();
        context.Result = EnvelopeWriter.Result(context.HttpContext, StatusCodes.Status400BadRequest, "invalid body: " + string.Join("; ", problems));
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    private static string Describe(string key, Microsoft.AspNetCore.Mvc.ModelBinding.ModelError error, Type? bodyType)
    {
        if (error.Exception is UnsupportedContentTypeException)
        {
            return "Content-Type must be application/json";
        }

        var message = error.ErrorMessage.Length > 0 ? error.ErrorMessage : error.Exception?.Message ?? string.Empty;
        var field = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : null;
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return field is null
                ? "the body must be a JSON object"
                : $"{field} must be {ExpectedType(bodyType, field)}";
        }

        if (message.Contains("non-empty request body", StringComparison.Ordinal) || key.Length == 0 || !key.StartsWith('$'))
        {
            return "a JSON object is required";
        }

        // Syntax errors: where, counted from 1, and what was expected, in the same words as the ingress endpoints.
        return JsonSyntaxError.Describe(message);
    }

    private static string ExpectedType(Type? bodyType, string field)
    {
        var property = bodyType?.GetProperties().FirstOrDefault(p =>
            string.Equals(p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name, field, StringComparison.OrdinalIgnoreCase));
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            null => "of another type",
            _ when type == typeof(bool) => "a boolean (true or false)",
            _ when type == typeof(long) || type == typeof(int) => "an integer",
            _ when type == typeof(string) => "a string",
            _ => "of another type",
        };
    }
}
