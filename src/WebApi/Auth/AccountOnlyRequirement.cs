namespace RyzeApi.WebApi.Auth;

/// <summary>Only a TokenAccount may create or delete instances. A TokenInstance is valid but not enough:
/// 403 <see cref="Message"/> (not 401, which would tell the caller its token is wrong).</summary>
public sealed class AccountOnlyRequirement : AuthorizationHandler<AccountOnlyRequirement>, IAuthorizationRequirement
{
    public const string Message = "This endpoint needs a TokenAccount";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccountOnlyRequirement requirement)
    {
        if (context.User.FindFirst(CallerClaims.InstanceId) is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, Message));
        }

        return Task.CompletedTask;
    }
}
