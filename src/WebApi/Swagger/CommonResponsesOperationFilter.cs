using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using RyzeApi.WebApi.Errors;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RyzeApi.WebApi.Swagger;

/// <summary>Adds what every operation shares: the token security requirement and 401 on authorized
/// operations, 429 and 500 everywhere, the <c>X-RateLimit-*</c> headers on every response, and an
/// example body for every error response.</summary>
public sealed class CommonResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var envelope = context.SchemaGenerator.GenerateSchema(typeof(ErrorEnvelope), context.SchemaRepository);
        operation.Responses ??= [];
        var authorized = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any();
        if (authorized)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SwaggerSetup.TokenScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SwaggerSetup.BearerScheme, context.Document)] = [] },
            ];
            Ensure(operation, "401", "Missing, unknown or (where only a TokenAccount is accepted) instance token.", envelope);
        }

        Ensure(operation, "429", "Rate limit exceeded; see Retry-After.", envelope);
        Ensure(operation, "500", "A server fault.", envelope);

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers["X-RateLimit-Limit"] = Header("Requests allowed in the current window.");
            concrete.Headers["X-RateLimit-Remaining"] = Header("Requests left in the current window.");
            concrete.Headers["X-RateLimit-Reset"] = Header("When the window resets, in Unix seconds.");
            if (status == "429")
            {
                concrete.Headers["Retry-After"] = Header("Seconds to wait before retrying.");
            }

            if (concrete.Content?.TryGetValue("application/json", out var media) != true || media is null)
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

    private static void Ensure(OpenApiOperation operation, string status, string description, IOpenApiSchema envelope)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = envelope } },
        };
    }

    private static OpenApiHeader Header(string description) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
    };
}
