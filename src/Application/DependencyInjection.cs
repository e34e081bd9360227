using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RyzeApi.Application.Chatwoot;
using RyzeApi.Application.Common;
using RyzeApi.Application.Common.Behaviours;
using RyzeApi.Application.Common.Telemetry;
using RyzeApi.Application.Routing;

namespace RyzeApi.Application;

public static class DependencyInjection
{
    /// <summary>The mediator with its behaviours, outermost first: logging, validation, timeout. Failures are not
    /// logged here: the host writes one line per error answer, where the status is known. Binds and validates the
    /// settings Application owns.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(TimeoutBehaviour<,>),
            ];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);
        services.AddSingleton<IRequestTimeoutPolicy, RequestTimeoutPolicy>();
        services.AddScoped<InstanceResolver>();
        services.AddScoped<ChatwootActivator>();
        services.AddScoped<ChatwootLiveCheck>();
        services.AddApplicationOptions(configuration);
        services.AddRouting(configuration);
        services.AddRyzeApiInstruments(configuration);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
