using System.Diagnostics;

namespace RyzeApi.Application.Common.Behaviours;

/// <summary>One line on entry and one on exit with the elapsed time; a warning above 5 s.</summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull, IMessage
{
    private static readonly TimeSpan s_slow = TimeSpan.FromSeconds(5);
    public async ValueTask<TResponse> Handle(
        TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TRequest).Name;
        logger.LogDebug("Handling {Request}", name);
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > s_slow)
        {
            logger.LogWarning("Handled {Request} slowly in {ElapsedMs} ms", name, (long)elapsed.TotalMilliseconds);
        }
        else
        {
            logger.LogDebug("Handled {Request} in {ElapsedMs} ms", name, (long)elapsed.TotalMilliseconds);
        }

        return response;
    }
}
