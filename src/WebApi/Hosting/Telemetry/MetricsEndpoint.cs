using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RyzeApi.Application.Common.Telemetry;

namespace RyzeApi.WebApi.Hosting.Telemetry;

/// <summary>Who may read <c>/metrics</c> (docs/adr/0032-metrics-endpoint-access.md): with
/// <c>Metrics__ScrapeToken</c> set, whoever sends <c>Authorization: Bearer &lt;token&gt;</c>; unset, callers on the
/// loopback interface only (a connection without an address, a Unix socket or an in-process test server, is local
/// too). Everyone else gets the error envelope, and the exporter never runs for them.</summary>
public sealed class MetricsEndpoint(RequestDelegate next, IOptions<MetricsOptions> options)
{
    private readonly byte[]? _token = string.IsNullOrEmpty(options.Value.ScrapeToken) ? null : Encoding.UTF8.GetBytes(options.Value.ScrapeToken);

    public async Task InvokeAsync(HttpContext context)
    {
        if (_token is null ? IsLocal(context.Connection.RemoteIpAddress) : HasToken(context.Request.Headers.Authorization.ToString()))
        {
            await next(context);
            return;
        }

        if (_token is null)
        {
            await EnvelopeWriter.WriteAsync(context, StatusCodes.Status403Forbidden,
                "/metrics answers only loopback callers; set Metrics__ScrapeToken and send Authorization: Bearer <token> to scrape from elsewhere");
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await EnvelopeWriter.WriteAsync(context, StatusCodes.Status401Unauthorized,
            "/metrics needs Authorization: Bearer <Metrics__ScrapeToken>");
    }

    private static bool IsLocal(IPAddress? address) =>
        address is null || IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private bool HasToken(string header)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _token);
    }
}
