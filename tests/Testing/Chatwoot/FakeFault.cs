using Microsoft.AspNetCore.WebUtilities;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>An immutable description of how the fake misbehaves for one request: a canned answer (any status,
/// body and content type), a dropped connection, or only a slow reply; any of them optionally after a delay,
/// which ends early when the client gives up or the fake stops.</summary>
public sealed record FakeFault
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string HtmlContentType = "text/html";

    private FakeFault(FaultAction action, int statusCode, string body, string contentType)
    {
        Action = action;
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
    }

    public FaultAction Action { get; }

    /// <summary>Meaningful only for <see cref="FaultAction.Respond"/>.</summary>
    public int StatusCode { get; }

    public string Body { get; }

    public string ContentType { get; }

    public TimeSpan Delay { get; init; }

    /// <summary>When the client gives up during <see cref="Delay"/>, the request is carried out all the same (Rails
    /// finishes a request it has received; only the answer is lost). Meaningful only for <see cref="FaultAction.Proceed"/>.</summary>
    public bool FinishedWhenAbandoned { get; init; }

    /// <summary>A <c>Location</c> header for the answer, for redirects; meaningful only for <see cref="FaultAction.Respond"/>.</summary>
    public string? Location { get; init; }

    public static FakeFault Respond(int statusCode, string body, string contentType = JsonContentType) =>
        new(FaultAction.Respond, statusCode, body, contentType);

    public static FakeFault Json(int statusCode, string json) => Respond(statusCode, json, JsonContentType);

    public static FakeFault Html(int statusCode, string html) => Respond(statusCode, html, HtmlContentType);

    /// <summary>Rails' own answer to an unhandled exception in a JSON request.</summary>
    public static FakeFault InternalServerError() => Json(500, ChatwootErrors.InternalServerError);

    /// <summary>The page nginx serves in front of Chatwoot for <paramref name="statusCode"/> (502 when Rails is
    /// down, 504 on a timeout, 413, 404…), byte for byte as its built-in error pages.</summary>
    public static FakeFault NginxPage(int statusCode)
    {
        var title = $"{statusCode} {ReasonPhrases.GetReasonPhrase(statusCode)}";
        return Html(statusCode,
            $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n"
            + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
    }

    /// <summary>A redirect to <paramref name="location"/> with the body Rails' <c>redirect_to</c> writes.</summary>
    public static FakeFault Redirect(int statusCode, string location) =>
        Html(statusCode, $"<html><body>You are being <a href=\"{location}\">redirected</a>.</body></html>") with { Location = location };

    /// <summary>Chatwoot does what was asked, but the client gets this answer instead of Chatwoot's: to show what
    /// RyzeApi does when an answer is unreadable although the work was done.</summary>
    public static FakeFault ReplaceAnswer(int statusCode, string body, string contentType = JsonContentType) =>
        new(FaultAction.ProceedThenRespond, statusCode, body, contentType);

    public static FakeFault DropConnection() => new(FaultAction.DropConnection, 0, "", "");

    /// <summary>Chatwoot's normal answer, but only after <paramref name="delay"/>.</summary>
    public static FakeFault Slow(TimeSpan delay) => new(FaultAction.Proceed, 0, "", "") { Delay = delay };

    /// <summary>As <see cref="Slow"/>, and done after <paramref name="delay"/> even when the client gave up by then.</summary>
    public static FakeFault SlowEvenIfAbandoned(TimeSpan delay) => Slow(delay) with { FinishedWhenAbandoned = true };
    /// <summary>How long <see cref="FaultAction.ProceedThenHoldAnswer"/> holds the answer back.</summary>
    public TimeSpan AnswerDelay { get; init; }

    /// <summary>Chatwoot saves what was asked at once, but answers only after <paramref name="delay"/>.</summary>
    public static FakeFault SavedButAnsweredLate(TimeSpan delay) => new(FaultAction.ProceedThenHoldAnswer, 0, "", "") { AnswerDelay = delay };

    /// <summary>The same fault, applied after <paramref name="delay"/>.</summary>
    public FakeFault After(TimeSpan delay) => this with { Delay = delay };
}
