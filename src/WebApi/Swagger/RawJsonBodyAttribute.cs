namespace RyzeApi.WebApi.Swagger;

/// <summary>Documents the JSON body of an action that reads its body as bytes (to check a signature over
/// the exact bytes) and so has no model-bound parameter for Swagger to describe.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RawJsonBodyAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
