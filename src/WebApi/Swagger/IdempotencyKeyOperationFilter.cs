using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RyzeApi.WebApi.Swagger;

/// <summary>The <c>Idempotency-Key</c> header's rules (checked by the activation's validator, which the
/// generated schema cannot see): 1 to 255 visible ASCII characters.</summary>
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
            parameter.Example = JsonValue.Create("7f3c9a2e-5b1d-4e8f-9a6c-2d4b8e1f0a3c");
        }
    }
}
