using System.Text.Json.Nodes;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RyzeApi.WebApi.Swagger;

/// <summary>The delivery list's query parameters as the contract states them. The action takes them as text, so that
/// a wrong value is answered by the list's own <c>400 invalid query: …</c> naming it; the schema says what is accepted.</summary>
public sealed class DeliveryQueryOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != "ListDeliveries")
        {
            return;
        }

        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            (parameter.Schema, parameter.Example) = parameter.Name switch
            {
                "state" => (new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [JsonValue.Create("failed"), JsonValue.Create("pending"), JsonValue.Create("delivered")],
                    Default = JsonValue.Create("failed"),
                }, JsonValue.Create("failed")),
                "limit" => (new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Minimum = "1",
                    Maximum = "200",
                    Default = JsonValue.Create(50),
                }, JsonValue.Create(50)),
                "cursor" => (new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[1-9][0-9]{0,18}$" }, (JsonNode?)null),
                _ => (parameter.Schema, parameter.Example),
            };
        }
    }
}
