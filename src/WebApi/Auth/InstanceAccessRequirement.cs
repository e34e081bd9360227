namespace RyzeApi.WebApi.Auth;

/// <summary>An instance token may act only on its own instance (the <c>{instance}</c> route value).
/// Decided by name alone, without looking the other instance up, so existence never leaks.</summary>
public sealed class InstanceAccessRequirement : AuthorizationHandler<InstanceAccessRequirement>, IAuthorizationRequirement
{
    public const string Mismatch = "Instance token does not match the requested instance";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InstanceAccessRequirement requirement)
    {
        var own = context.User.FindFirst(CallerClaims.InstanceName)?.Value;
        var requested = (context.Resource as HttpContext)?.GetRouteValue("instance") as string;
        if (own is null || string.Equals(own, requested, StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, Mismatch));
        }

        return Task.CompletedTask;
    }
}
