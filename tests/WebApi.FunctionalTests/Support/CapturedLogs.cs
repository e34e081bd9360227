using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>Every log line the API wrote, formatted, with exception text — to prove no secret is logged; and each
/// as an entry (level, category, message, exception) — to count lines and check their level.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public string All => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            var message = formatter(state, exception);
            lines.Enqueue($"{logLevel} {category}: {message} {structured} {exception}");
            entries.Enqueue(new CapturedLog(logLevel, category, message, exception));
        }
    }
}

/// <summary>One captured log line.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, string Message, Exception? Exception);
