using RyzeApi.Infrastructure.Persistence.Repositories;

namespace RyzeApi.Infrastructure.Outbox;

public static class OutboxRegistration
{
    /// <summary>The outbox store and its writers, routing's tables, and (unless turned off) the workers. The writers
    /// are registered before the workers, so the host stops them after.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OutboxWriters>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWriters>());
        services.AddSingleton<OutboxRepository>();
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<OutboxRepository>());
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<OutboxRepository>());
        services.AddSingleton<IRoutingRepository, RoutingRepository>();
        services.AddSingleton<IRoutingIntegrations, RoutingIntegrations>();
        services.AddSingleton<IInstanceSessions, InstanceSessions>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        if (configuration.GetSection(RoutingOptions.Section).GetValue("WorkersEnabled", true))
        {
            services.AddHostedService<OutboxWorker>();
        }

        return services;
    }
}
