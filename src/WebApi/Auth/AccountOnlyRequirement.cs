using Microsoft.AspNetCore.Authorization;

namespace RyzeApi.WebApi.Auth;

/// <summary>Only a TokenAccount may create or delete instances; a TokenInstance is answered 401
/// <c>Invalid token</c>, as RyzeAPI does.</summary>
public sealed class AccountOnlyRequirement : AuthorizationHandler<AccountOnlyRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccountOnlyRequirement requirement)
    {
        if (context.User.FindFirst(CallerClaims.InstanceId) is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, "Invalid token"));
        }

        return Task.CompletedTask;
    }
}
