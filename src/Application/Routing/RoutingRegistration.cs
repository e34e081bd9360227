using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Handlers;
using RyzeApi.Application.Routing.Ingress;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing;

public static class RoutingRegistration
{
    /// <summary>Routing's options, ingress memory, the outbox engine and one handler per kind of delivery.</summary>
    public static IServiceCollection AddRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RoutingOptions, RoutingOptionsValidator>(configuration.GetSection(RoutingOptions.Section));
        services.AddSingleton<KnownConversations>();
        services.AddSingleton<RetrySchedule>();
        services.AddSingleton<OutcomeRecorder>();
        services.AddSingleton<IntegrationBatches>();
        services.AddSingleton<MessageMedia>();
        services.AddSingleton<PersonLinks>();
        services.AddSingleton<ChatResolver>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddDelivery<WhatsAppMessage, WhatsAppToChatwoot>();
        services.AddDelivery<AgentReply, AgentReplyToWhatsApp>();
        services.AddDelivery<MessageStatusChange, StatusToChatwoot>();
        services.AddAgentActions();
        services.AddDelivery<ContactProfile, ContactProfileToChatwoot>();
        return services;
    }
}
