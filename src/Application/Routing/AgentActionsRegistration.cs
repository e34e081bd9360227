using Microsoft.Extensions.DependencyInjection;
using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Handlers;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing;

public static class AgentActionsRegistration
{
    /// <summary>What an agent does in Chatwoot besides replying: deleting a message, typing, and the read mark after a reply.</summary>
    public static IServiceCollection AddAgentActions(this IServiceCollection services) => services
        .AddDelivery<AgentDeletion, AgentDeletionToWhatsApp>()
        .AddDelivery<ChatPresence, PresenceToWhatsApp>()
        .AddDelivery<ChatReadMark, ChatReadToWhatsApp>();
}
