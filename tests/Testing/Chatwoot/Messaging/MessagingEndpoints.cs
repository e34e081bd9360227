using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Maps the messaging resources (contacts, conversations, messages, attachment downloads) and ties the
/// webhooks to the server's life: they learn its address when it starts and stop posting when it stops.</summary>
internal static class MessagingEndpoints
{
    public static void Map(WebApplication app, FakeChatwootState state)
    {
        ContactEndpoints.Map(app, state);
        ContactChangeEndpoints.Map(app, state);
        ConversationEndpoints.Map(app, state);
        MessageEndpoints.Map(app, state);
        BlobEndpoints.Map(app, state);
        app.Lifetime.ApplicationStarted.Register(() => state.BaseUrl = app.Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/'));
        app.Lifetime.ApplicationStopping.Register(() => state.Webhooks.Stop());
    }
}
