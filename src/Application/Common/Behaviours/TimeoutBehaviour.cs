namespace RyzeApi.Application.Common.Behaviours;

/// <summary>Runs a time-limited request (<see cref="ITimeLimited"/>) under its <see cref="Deadline"/>; other
/// requests pass through.</summary>
public sealed class TimeoutBehaviour<TRequest, TResponse>(IRequestTimeoutPolicy policy, TimeProvider timeProvider)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        if (policy.TimeoutFor(message) is not { } timeout)
        {
            return await next(message, cancellationToken);
        }

        return await Deadline.RunAsync(
            typeof(TRequest).Name, timeout, timeProvider, token => next(message, token).AsTask(), cancellationToken);
    }
}
