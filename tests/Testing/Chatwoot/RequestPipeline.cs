using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>The middleware in front of every endpoint: records the request, then applies the first scripted
/// fault that matches it, if any, before (or instead of) the endpoint.</summary>
internal sealed class RequestPipeline(RequestLog log, FaultScripts scripts, CancellationToken stopping)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var request = await RecordAsync(context.Request, context.RequestAborted);
        log.Add(request);
        try
        {
            await AnswerAsync(context, next, request);
        }
        finally
        {
            request.HandledIn = Stopwatch.GetElapsedTime(started);
        }
    }

    private async Task AnswerAsync(HttpContext context, RequestDelegate next, RecordedRequest request)
    {
        if (scripts.RefuseChunked && request.IsChunked)
        {
            // As a reverse proxy that needs the length up front does (nginx before 1.3.9, some load balancers).
            var refused = FakeFault.NginxPage(StatusCodes.Status411LengthRequired);
            await ChatwootReply.WriteAsync(context, refused.StatusCode, refused.Body, refused.ContentType);
            return;
        }

        if (scripts.Take(request) is not { } fault)
        {
            await next(context);
            return;
        }

        if (fault is { FinishedWhenAbandoned: true, Action: FaultAction.Proceed })
        {
            await FinishEvenIfAbandonedAsync(context, next, fault.Delay);
            return;
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await Task.Delay(fault.Delay, either.Token);
            }
            catch (OperationCanceledException)
            {
                // The client gave up or the fake is stopping: nobody is waiting for an answer.
                context.Abort();
                return;
            }
        }

        switch (fault.Action)
        {
            case FaultAction.DropConnection:
                context.Abort();
                break;
            case FaultAction.Respond:
                if (fault.Location is { } location)
                {
                    context.Response.Headers.Location = location;
                }

                await ChatwootReply.WriteAsync(context, fault.StatusCode, fault.Body, fault.ContentType);
                break;
            case FaultAction.ProceedThenRespond:
                await ProceedThenRespondAsync(context, next, fault);
                break;
            case FaultAction.ProceedThenHoldAnswer:
                await ProceedThenHoldAnswerAsync(context, next, fault.AnswerDelay, stopping);
                break;
            default:
                await next(context);
                break;
        }
    }

    private async Task FinishEvenIfAbandonedAsync(HttpContext context, RequestDelegate next, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, stopping);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }

        // The endpoint does its work whether or not anyone still waits for the answer.
        context.RequestAborted = CancellationToken.None;
        await next(context);
    }

    private static async Task ProceedThenRespondAsync(HttpContext context, RequestDelegate next, FakeFault fault)
    {
        // The endpoint writes into a buffer that is thrown away; only the fault's answer reaches the client.
        var original = context.Response.Body;
        await using (var discarded = new MemoryStream())
        {
            context.Response.Body = discarded;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }
        }

        context.Response.Headers.Clear();
        await ChatwootReply.WriteAsync(context, fault.StatusCode, fault.Body, fault.ContentType);
    }

    private static async Task ProceedThenHoldAnswerAsync(HttpContext context, RequestDelegate next, TimeSpan delay, CancellationToken stopping)
    {
        var original = context.Response.Body;
        await using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(delay, either.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }

        held.Position = 0;
        await held.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Buffered so the endpoint can read the body again.
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(cancellationToken);
        request.Body.Position = 0;

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body);
    }
}
