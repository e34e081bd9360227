namespace RyzeApi.WebApi.Errors;

/// <summary>What an error answer said, the exception behind it and the level its failure's kind asks for, kept on
/// the request for the one log line <see cref="Hosting.RequestOutcomeLogging"/> writes once the answer is done.</summary>
public static class ErrorOutcome
{
    private const string MessageKey = "ryzeapi.error.message";
    private const string ExceptionKey = "ryzeapi.error.exception";
    private const string LevelKey = "ryzeapi.error.level";

    public static void RecordMessage(HttpContext context, string message) => context.Items[MessageKey] = message;

    public static void RecordException(HttpContext context, Exception exception) => context.Items[ExceptionKey] = exception;

    public static void RecordLevel(HttpContext context, LogLevel level) => context.Items[LevelKey] = level;

    public static string? MessageOf(HttpContext context) => context.Items.TryGetValue(MessageKey, out var m) ? m as string : null;

    public static Exception? ExceptionOf(HttpContext context) => context.Items.TryGetValue(ExceptionKey, out var e) ? e as Exception : null;

    public static LogLevel? LevelOf(HttpContext context) => context.Items.TryGetValue(LevelKey, out var l) ? l as LogLevel? : null;
}
