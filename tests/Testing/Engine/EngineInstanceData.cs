namespace RyzeApi.Testing.Engine;

/// <summary>The envelope's <c>instanceData</c>: which engine and instance sent the event, with the instance's token.</summary>
public sealed record EngineInstanceData(string BaseUrl, string Instance, string Token);
