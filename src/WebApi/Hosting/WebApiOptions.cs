using RyzeApi.Application.Common.Options;
using RyzeApi.WebApi.RateLimiting;
using RyzeApi.WebApi.Swagger;

namespace RyzeApi.WebApi.Hosting;

/// <summary>The settings the host owns, bound and validated here. Kestrel's limits are constants
/// (<see cref="KestrelSetup"/>), not settings.</summary>
public static class WebApiOptions
{
    public static IServiceCollection AddWebApiOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitSettings, RateLimitSettingsValidator>(configuration.GetSection(RateLimitSettings.Section));
        services.AddOptions<SwaggerSettings>().Bind(configuration.GetSection(SwaggerSettings.Section));
        return services;
    }
}
