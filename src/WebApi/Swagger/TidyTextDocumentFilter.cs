using System.Text.RegularExpressions;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RyzeApi.WebApi.Swagger;

/// <summary>XML comments wrap at ~110 columns; the document should not carry those line breaks and the
/// comment indentation into every description. Joins wrapped lines, keeping blank-line paragraphs.</summary>
public sealed partial class TidyTextDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description = Tidy(tag.Description);
        }

        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Summary = Tidy(operation.Summary);
            operation.Description = Tidy(operation.Description);
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                parameter.Description = Tidy(parameter.Description);
            }

            if (operation.RequestBody is OpenApiRequestBody body)
            {
                body.Description = Tidy(body.Description);
            }

            foreach (var response in (operation.Responses ?? []).Values.OfType<OpenApiResponse>())
            {
                response.Description = Tidy(response.Description) ?? string.Empty;
            }
        }

        foreach (var schema in (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>())
        {
            schema.Description = Tidy(schema.Description);
            foreach (var property in (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>())
            {
                property.Description = Tidy(property.Description);
            }
        }
    }

    private static string? Tidy(string? text) => text is null
        ? null
        : string.Join("\n\n", Paragraph().Split(text.Trim()).Select(p => Spaces().Replace(p.Trim(), " ")));

    [GeneratedRegex(@"\r?\n[ \t]*\r?\n\s*")]
    private static partial Regex Paragraph();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
