// A stand-in Chatwoot for the README's tour: the tests' FakeChatwoot (tests/Testing) on a fixed loopback port, with
// one account and one administrator token, kept in memory until Ctrl-C. Run it with scripts/demo-chatwoot.
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections;
using RyzeApi.Testing.Chatwoot;

const long accountId = 1;
const string adminToken = "demo-admin-token";
const int defaultPort = 5090;

var portText = Environment.GetEnvironmentVariable("DEMO_CHATWOOT_PORT");
if (string.IsNullOrEmpty(portText))
{
    portText = defaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
    || port is < 1 or > 65535)
{
    Console.Error.WriteLine($"[demo-chatwoot] DEMO_CHATWOOT_PORT must be a TCP port (1-65535), not '{portText}'");
    return 2;
}

FakeChatwoot chatwoot;
try
{
    chatwoot = await FakeChatwoot.StartAsync(port);
}
catch (IOException exception) when (exception.InnerException is AddressInUseException)
{
    // Kestrel wraps the bind failure; the newcomer needs the port and the way out, not a stack trace.
    Console.Error.WriteLine($"[demo-chatwoot] port {port} is already in use on 127.0.0.1; pick another: DEMO_CHATWOOT_PORT={port + 1} scripts/demo-chatwoot");
    return 1;
}

await using (chatwoot)
{
    chatwoot.AddAccount(accountId, adminToken);
    Console.WriteLine($"[demo-chatwoot] a stand-in Chatwoot (in memory, forgotten when stopped) on {chatwoot.BaseUrl}");
    Console.WriteLine($"[demo-chatwoot]   chatwootBaseUrl:   {chatwoot.BaseUrl}");
    Console.WriteLine($"[demo-chatwoot]   chatwootAccountId: {accountId}");
    Console.WriteLine($"[demo-chatwoot]   chatwootApiToken:  {adminToken}   (an administrator's access token)");
    Console.WriteLine("[demo-chatwoot] Ctrl-C stops it. Requests it receives are listed below.");

    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
    {
        context.Cancel = true;
        stop.Cancel();
    });

    // The fake records every request; showing them lets the newcomer see what RyzeApi did in "Chatwoot".
    var shown = 0;
    while (!stop.IsCancellationRequested)
    {
        var requests = chatwoot.Requests;
        for (; shown < requests.Count; shown++)
        {
            Console.WriteLine($"[demo-chatwoot] {requests[shown]}");
        }

        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM.
        }
    }

    Console.WriteLine("[demo-chatwoot] stopped");
}

return 0;
