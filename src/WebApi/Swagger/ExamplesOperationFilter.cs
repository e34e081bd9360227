using System.Text.Json;
using System.Text.Json.Nodes;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RyzeApi.WebApi.Swagger;

/// <summary>An example for every request body and every response: what Swagger UI pre-fills and shows,
/// and what SDK users read first.</summary>
public sealed class ExamplesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody?.Content is { } request && RequestExamples.For(operation.OperationId) is { } body)
        {
            foreach (var media in request.Values)
            {
                media.Example = JsonNode.Parse(body);
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response.Content?.TryGetValue("application/json", out var media) != true || media is null)
            {
                continue;
            }

            if (status.StartsWith('2') && SuccessExamples.For(operation.OperationId) is { } success)
            {
                media.Example = JsonNode.Parse(success);
            }
            else if (ErrorExamples.For(operation.OperationId, status) is { } message)
            {
                media.Example = JsonNode.Parse(JsonSerializer.Serialize(ErrorEnvelope.Of(message)));
            }
        }
    }
}
