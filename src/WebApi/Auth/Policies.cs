namespace RyzeApi.WebApi.Auth;

/// <summary>The authorization policies: any valid token; a token that may act on the route's instance;
/// an account token only.</summary>
public static class Policies
{
    public const string InstanceAccess = nameof(InstanceAccess);
    public const string AccountOnly = nameof(AccountOnly);

    public static void Configure(AuthorizationOptions options)
    {
        options.DefaultPolicy = new AuthorizationPolicyBuilder(TokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().Build();
        options.AddPolicy(InstanceAccess, p => p.AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().AddRequirements(new InstanceAccessRequirement()));
        options.AddPolicy(AccountOnly, p => p.AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().AddRequirements(new AccountOnlyRequirement()));
    }
}
