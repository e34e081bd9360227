using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RyzeApi.Application.Common.Options;

/// <summary>How every layer binds the settings it owns: from their configuration section, read through
/// <see cref="IOptions{TOptions}"/>, checked by their validator before the host starts.</summary>
public static class OptionsRegistration
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/>; a value
    /// <typeparamref name="TValidator"/> refuses stops start-up with its message, which names the setting.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().Bind(section).ValidateOnStart();
    }

    /// <summary>The settings Application owns (<c>Chatwoot</c>, <c>RyzeApi</c>).</summary>
    public static IServiceCollection AddApplicationOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ChatwootModuleOptions, ChatwootModuleOptionsValidator>(configuration.GetSection(ChatwootModuleOptions.Section));
        // Nothing to refuse: a missing or unusable public base URL only leaves the module "not configured" (503).
        services.AddOptions<RyzeApiOptions>().Bind(configuration.GetSection(RyzeApiOptions.Section));
        return services;
    }
}
