using Swashbuckle.AspNetCore.SwaggerGen;

namespace RyzeApi.WebApi.Swagger;

/// <summary>The <c>Idempotency-Key</c> header's rules (checked by the activation's validator, which the
/// generated schema cannot see): 1 to 255 visible ASCII characters. No example value: Swagger UI's
/// "Try it out" fills parameters with their example, so every activation tried there would send the same
/// key and the second one, with another body, would get 409.</summary>
public sealed class IdempotencyKeyOperationFilter : IOperationFilter
{
    public const string Header = "Idempotency-Key";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Name == Header))
        {
            parameter.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MinLength = 1,
                MaxLength = 255,
                Pattern = "^[!-~]+$",
            };
            parameter.Example = null;
        }
    }
}
