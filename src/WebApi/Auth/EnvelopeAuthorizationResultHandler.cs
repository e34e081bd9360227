using Microsoft.AspNetCore.Authorization.Policy;

namespace RyzeApi.WebApi.Auth;

/// <summary>Answers authorization failures in the envelope: 403 for an instance token on another
/// instance, and 403 for an instance token where only an account token is accepted.</summary>
public sealed class EnvelopeAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure is { } failure)
        {
            foreach (var reason in failure.FailureReasons)
            {
                switch (reason.Handler)
                {
                    case InstanceAccessRequirement or AccountOnlyRequirement:
                        return EnvelopeWriter.WriteAsync(context, StatusCodes.Status403Forbidden, reason.Message);
                }
            }
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
