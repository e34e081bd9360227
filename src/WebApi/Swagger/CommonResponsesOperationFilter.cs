using Swashbuckle.AspNetCore.SwaggerGen;

namespace RyzeApi.WebApi.Swagger;

/// <summary>Adds what every operation shares: the two token security schemes and 401 on authorized
/// operations, 429 and 500 everywhere, the shared error envelope as the body of every error response,
/// and the responses in status order.</summary>
public sealed class CommonResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var envelope = context.SchemaGenerator.GenerateSchema(typeof(ErrorEnvelope), context.SchemaRepository);
        operation.Responses ??= [];
        var authorized = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any();
        if (authorized)
        {
            // Two requirements, either of which suffices: the token header or Authorization: Bearer.
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SwaggerSetup.TokenScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SwaggerSetup.BearerScheme, context.Document)] = [] },
            ];
            Ensure(operation, "401", "Missing or unknown token (`Missing token`, `Invalid token`), or an `Authorization` header "
                + "that is not `Bearer <token>`.");
        }

        Ensure(operation, "429", "Rate limit exceeded (`Rate limit exceeded. Try again later.`); wait the Retry-After seconds.");
        Ensure(operation, "500", "A server fault; it was logged.");

        foreach (var (status, response) in operation.Responses)
        {
            // XML <response> tags create responses without a body; every error has the envelope.
            if (response is OpenApiResponse concrete && status[0] is '4' or '5' && concrete.Content is not { Count: > 0 })
            {
                concrete.Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = envelope } };
            }
        }

        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            operation.Responses[status] = response;
        }
    }

    private static void Ensure(OpenApiOperation operation, string status, string description) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse { Description = description });
}
