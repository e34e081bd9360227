using Mediator;
using RyzeApi.Application.Common.Abstractions;

namespace RyzeApi.Application.Common.Behaviours;

/// <summary>Runs a time-limited request (<see cref="ITimeLimited"/>) under its <see cref="Deadline"/>; other
/// requests pass through.</summary>
public sealed class TimeoutBehaviour<TRequest, TResponse>(IRequestTimeoutPolicy policy, TimeProvider timeProvider)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull, IMessage
{
    private readonly IRequestTimeoutPolicy _policy = policy;
    private readonly TimeProvider _timeProvider = timeProvider;

    public async ValueTask<TResponse> Handle(
        TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        if (_policy.TimeoutFor(message) is not { } timeout)
        {
            return await next(message, cancellationToken);
        }

        return await Deadline.RunAsync(
            typeof(TRequest).Name, timeout, _timeProvider, token => next(message, token).AsTask(), cancellationToken);
    }
}
