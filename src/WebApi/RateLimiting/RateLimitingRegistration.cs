namespace RyzeApi.WebApi.RateLimiting;

public static class RateLimitingRegistration
{
    /// <summary>What <see cref="RateLimitMiddleware"/> decides with; the settings are bound in
    /// <see cref="Hosting.WebApiOptions"/>.</summary>
    public static IServiceCollection AddRateLimiting(this IServiceCollection services)
    {
        services.AddSingleton<LocalRateLimiter>();
        services.AddSingleton<ReservedPermits>();
        services.AddSingleton<SharedRateLimiter>();
        return services;
    }
}
