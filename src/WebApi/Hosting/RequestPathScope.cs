using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging.Debug;

namespace RyzeApi.WebApi.Hosting;

/// <summary>Keeps the host's request logger off (docs/adr/0035-json-logs-carry-the-trace-and-never-the-request-path.md):
/// while it is on, every line of a request carries its path in a scope, and a webhook's path holds its secret.
/// appsettings.json turns it off, but a provider's own level in configuration (<c>Logging__Console__LogLevel__Default</c>)
/// outranks a category rule without a provider; these rules, per provider and added after configuration's, outrank it.</summary>
public static class RequestPathScope
{
    private const string Category = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static ILoggingBuilder KeepRequestPathsOutOfLogs(this ILoggingBuilder logging) => logging
        .AddFilter(Category, LogLevel.None)
        .AddFilter<ConsoleLoggerProvider>(Category, LogLevel.None)
        .AddFilter<DebugLoggerProvider>(Category, LogLevel.None);
}
