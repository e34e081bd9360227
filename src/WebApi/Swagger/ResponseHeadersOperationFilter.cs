using System.Text.Json.Nodes;
using RyzeApi.WebApi.Filters;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RyzeApi.WebApi.Swagger;

/// <summary>The headers responses carry: <c>X-RateLimit-*</c> on every response (the rate limiter sets them
/// before anything can fail), <c>Retry-After</c> on 429, <c>Location</c> on an activation's 201, and
/// <c>Cache-Control: no-store</c> on the success answers that carry a secret.</summary>
public sealed class ResponseHeadersOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var noStore = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<NoStoreAttribute>().Any();
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers["X-RateLimit-Limit"] = Integer("Requests allowed in the current one-minute window of this policy.", 100);
            concrete.Headers["X-RateLimit-Remaining"] = Integer("Requests left in the current window.", status == "429" ? 0 : 99);
            concrete.Headers["X-RateLimit-Reset"] = Integer("When the current window ends, in Unix seconds.", 1776680190);
            if (status == "429")
            {
                concrete.Headers["Retry-After"] = Integer("Seconds to wait before the next request can succeed.", 42);
            }

            if (noStore && status[0] == '2')
            {
                concrete.Headers["Cache-Control"] = new OpenApiHeader
                {
                    Description = "The answer carries a secret: no cache may keep it.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = JsonValue.Create(NoStoreAttribute.Value),
                };
            }

            if (status == "201" && operation.OperationId == "ActivateChatwoot")
            {
                concrete.Headers["Location"] = new OpenApiHeader
                {
                    Description = "Where to read the integration: `/api/chatwoot/list/{instance}`.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
                    Example = JsonValue.Create("/api/chatwoot/list/suporte"),
                };
            }
        }
    }

    private static OpenApiHeader Integer(string description, long example) => new()
    {
        Description = description,
        Required = true,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
        Example = JsonValue.Create(example),
    };
}
