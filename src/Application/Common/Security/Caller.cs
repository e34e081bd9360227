namespace RyzeApi.Application.Common.Security;

/// <summary>Who is calling: an account token (whole account) or an instance token (one instance).</summary>
public sealed record Caller(Guid AccountId, Guid? InstanceId, string? InstanceName)
{
    public bool IsInstanceToken => InstanceId is not null;
}
