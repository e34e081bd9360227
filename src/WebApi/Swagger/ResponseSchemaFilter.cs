using System.Reflection;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RyzeApi.WebApi.Swagger;

/// <summary>In an answer every property is present unless it is skipped when null: marks them required, so
/// generated clients can rely on them (computed ones such as <c>success</c> included, which the C#
/// <c>required</c> keyword cannot mark); one skipped when null is optional and, when present, never null.</summary>
public sealed class ResponseSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var type = context.Type;
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || !IsAnswer(type))
        {
            return;
        }

        concrete.Required ??= new HashSet<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var ignore = property.GetCustomAttribute<JsonIgnoreAttribute>();
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (name is null || !concrete.Properties.TryGetValue(name, out var schemaOfProperty))
            {
                continue;
            }

            if (ignore is null)
            {
                concrete.Required.Add(name);
            }
            else if (ignore.Condition == JsonIgnoreCondition.WhenWritingNull && schemaOfProperty is OpenApiSchema { Type: { } written } optional)
            {
                optional.Type = written & ~JsonSchemaType.Null;
            }
        }
    }

    private static bool IsAnswer(Type type) =>
        type.Namespace?.StartsWith("RyzeApi.WebApi.", StringComparison.Ordinal) == true
        && !type.Name.EndsWith("Request", StringComparison.Ordinal);
}
