namespace RyzeApi.WebApi.Errors;

/// <summary>What an error answer said, and the exception behind it, kept on the request for the one log line
/// <see cref="Hosting.RequestOutcomeLogging"/> writes once the answer is done.</summary>
public static class ErrorOutcome
{
    private const string MessageKey = "ryzeapi.error.message";
    private const string ExceptionKey = "ryzeapi.error.exception";

    public static void RecordMessage(HttpContext context, string message) => context.Items[MessageKey] = message;

    public static void RecordException(HttpContext context, Exception exception) => context.Items[ExceptionKey] = exception;

    public static string? MessageOf(HttpContext context) => context.Items.TryGetValue(MessageKey, out var m) ? m as string : null;

    public static Exception? ExceptionOf(HttpContext context) => context.Items.TryGetValue(ExceptionKey, out var e) ? e as Exception : null;
}
