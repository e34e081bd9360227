using Microsoft.AspNetCore.Connections;

namespace RyzeApi.WebApi.Hosting;

/// <summary>An address already in use at start-up is one log line and exit code 1, not the host's "Hosting failed
/// to start" with Kestrel's 60-line stack trace and an abort (exit 134): the operator needs the address and the way
/// out. <see cref="Install"/> before <c>Build()</c>, then <see cref="RunAsync"/> instead of <c>app.RunAsync()</c>.</summary>
public sealed class ListenFailure
{
    // The generic host logs any start-up failure here at Error, with the stack, before rethrowing it.
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    // Set only by RunAsync (so never under WebApplicationFactory, which never calls it) until the app has started.
    private volatile bool _starting;

    /// <summary>Holds back the host's own Error entries until the application has started; <see cref="RunAsync"/>
    /// logs every start-up failure itself (this one as one line, any other with its exception).</summary>
    public static void Install(WebApplicationBuilder builder)
    {
        var watch = new ListenFailure();
        builder.Services.AddSingleton(watch);
        // Information is the level the host's category has by default (below it, it only logs its own progress); this
        // rule, the most specific for the category, sets it whatever the configuration says for "Microsoft.*".
        builder.Services.Configure<LoggerFilterOptions>(options => options.Rules.Add(new LoggerFilterRule(
            null, HostCategory, LogLevel.Information, (_, _, level) => !(watch._starting && level == LogLevel.Error))));
    }

    /// <summary>Runs <paramref name="app"/> until it stops; the process's exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        var watch = app.Services.GetService<ListenFailure>();
        if (watch is not null)
        {
            watch._starting = true;
        }

        using var started = app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (watch is not null)
            {
                watch._starting = false;
            }
        });
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException exception) when (exception.InnerException is AddressInUseException)
        {
            // Kestrel's message names the address: "Failed to bind to address http://127.0.0.1:5080: address already in use."
            app.Logger.LogCritical(
                "{Reason} Another process listens there: stop it, or choose another address (ASPNETCORE_URLS; with scripts/run-api, PORT=5081 scripts/run-api).",
                exception.Message);
            return 1;
        }
        catch (Exception exception) when (watch is { _starting: true })
        {
            app.Logger.LogCritical(exception, "Hosting failed to start");
            throw;
        }
    }
}
