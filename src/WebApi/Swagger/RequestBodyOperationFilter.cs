using System.Reflection;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RyzeApi.WebApi.Swagger;

/// <summary>Request bodies as the contract states them: required, <c>application/json</c> only (MVC would also
/// list <c>text/json</c> and <c>application/*+json</c>), and documented where the action reads raw bytes.</summary>
public sealed class RequestBodyOperationFilter : IOperationFilter
{
    private const string Json = "application/json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo.GetCustomAttribute<RawJsonBodyAttribute>() is { } raw)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = raw.Description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [Json] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = raw.Description } },
                },
            };
        }

        if (operation.RequestBody is not OpenApiRequestBody body || body.Content is null)
        {
            return;
        }

        body.Required = true;
        foreach (var other in body.Content.Keys.Where(k => k != Json).ToList())
        {
            body.Content.Remove(other);
        }
    }
}
