namespace RyzeApi.WebApi.Swagger;

/// <summary>Section <c>Swagger</c>.</summary>
public sealed class SwaggerSettings
{
    public const string Section = "Swagger";

    /// <summary>Serve Swagger UI and the OpenAPI document.</summary>
    public bool Enabled { get; set; } = true;
}
