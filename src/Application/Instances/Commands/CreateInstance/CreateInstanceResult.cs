namespace RyzeApi.Application.Instances.Commands.CreateInstance;

/// <summary>The new instance with its TokenInstance (shown only here) and the inline activation's outcome.</summary>
public sealed record CreateInstanceResult(string Name, string Token, DateTimeOffset CreatedAt, InlineActivationOutcome? Chatwoot)
{
    public override string ToString() => $"CreateInstanceResult {{ Name = {Name} }}";
}
