using Mediator;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;

namespace RyzeApi.Application.Common.Behaviours;

/// <summary>Links the caller's token to a timer and hands the linked token down. A cancellation is
/// reported as <see cref="RequestTimeoutException"/> only when our timer fired, never when the caller
/// cancelled. Adapters may classify the cancellation themselves (e.g. as an unreachable upstream);
/// those exceptions pass through unchanged.</summary>
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

        using var timer = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await next(message, linked.Token);
        }
        catch (OperationCanceledException exception)
            when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RequestTimeoutException(typeof(TRequest).Name, timeout, exception);
        }
    }
}
