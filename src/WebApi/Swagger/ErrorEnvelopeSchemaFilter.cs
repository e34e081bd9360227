using Swashbuckle.AspNetCore.SwaggerGen;

namespace RyzeApi.WebApi.Swagger;

/// <summary>Field descriptions of the shared error envelope (its types live with the error handling, not
/// with the documented contracts).</summary>
public sealed class ErrorEnvelopeSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties } concrete)
        {
            return;
        }

        if (context.Type == typeof(ErrorEnvelope))
        {
            concrete.Description = "The body of every error of every endpoint, with nothing else in it.";
            Describe(properties, "error", "What went wrong.");
        }
        else if (context.Type == typeof(ErrorDetail))
        {
            concrete.Description = "What went wrong, as an actionable sentence.";
            Describe(properties, "message", "Says what failed and what to do; a failure of Chatwoot ends with `Detail: ` and its raw answer.");
        }
    }

    private static void Describe(IDictionary<string, IOpenApiSchema> properties, string name, string description)
    {
        if (properties.TryGetValue(name, out var property) && property is OpenApiSchema concrete)
        {
            concrete.Description = description;
        }
    }
}
