using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RyzeApi.Application.Outbox;

public static class DeliveryRegistration
{
    /// <summary>Registers <typeparamref name="THandler"/> as the handler of <typeparamref name="T"/>'s rows.</summary>
    public static IServiceCollection AddDelivery<T, THandler>(this IServiceCollection services)
        where T : IDelivery<T>
        where THandler : class, IDeliveryHandler<T>
    {
        services.AddSingleton<THandler>();
        services.AddSingleton<IDeliveryHandler<T>>(sp => sp.GetRequiredService<THandler>());
        services.AddSingleton<DeliveryKind>(sp => new DeliveryKind<T>(sp.GetRequiredService<IDeliveryHandler<T>>()));
        services.TryAddSingleton<DeliveryKinds>();
        return services;
    }
}
