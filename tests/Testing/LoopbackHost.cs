using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace RyzeApi.Testing;

/// <summary>The bare Kestrel host the fakes run on: HTTP/1.1 on a loopback port (0: a free one), routing only.
/// The empty builder reads no appsettings.json or ASPNETCORE_* variable of the test host, and logs nothing.</summary>
internal static class LoopbackHost
{
    public static WebApplication Build(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Services.AddRoutingCore();
        return builder.Build();
    }

    /// <summary>Starts <paramref name="app"/> and returns where it listens (<c>http://127.0.0.1:PORT</c>); when it
    /// cannot start, disposes it and <paramref name="stopping"/> before rethrowing.</summary>
    public static async Task<string> StartAsync(WebApplication app, CancellationTokenSource stopping, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
            return app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');
        }
        catch
        {
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }
    }
}
