using Swashbuckle.AspNetCore.SwaggerGen;

namespace RyzeApi.WebApi.Swagger;

/// <summary>OpenAPI 3.0 cannot say "this $ref may be null" on the property: <c>nullable</c> is ignored beside
/// <c>allOf</c> without a <c>type</c> (Spectral rejects it), and with <c>type: object</c> added NSwag generates a
/// subclass per property. When every property that holds a schema may be null, the schema itself is marked
/// nullable instead, which validators and generators all read as intended.</summary>
public sealed class NullableReferenceDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var uses = schemas.Values
            .SelectMany(s => s.Properties?.Values ?? [])
            .OfType<OpenApiSchema>()
            .Where(p => p.AllOf is [OpenApiSchemaReference])
            .GroupBy(p => ((OpenApiSchemaReference)p.AllOf![0]).Reference.Id!);

        foreach (var group in uses)
        {
            if (!group.All(p => p.Type == JsonSchemaType.Null) || !schemas.TryGetValue(group.Key, out var found) || found is not OpenApiSchema target)
            {
                continue;
            }

            target.Type |= JsonSchemaType.Null;
            foreach (var property in group)
            {
                property.Type = null;
            }
        }
    }
}
